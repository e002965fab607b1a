package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Set;

/**
 * {@code rate-limit-by-key}: calls per renewal period for each value of {@code counter-key}. As in APIM, one counter
 * serves a key value at every scope where the policy is written; {@code increment-condition} and
 * {@code increment-count} decide what a call adds and when ({@link Increment}).
 */
@Singleton
public final class RateLimitByKeyFactory extends CountingPolicyFactory {

    public RateLimitByKeyFactory(CallCounters counters) {
        super(counters);
    }

    @Override
    public Set<String> elements() {
        return Set.of("rate-limit-by-key");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        Expression key = element.attribute("counter-key");
        return new CallRateLimit(counters, call -> "rate-limit-by-key|" + Objects.toString(key.evaluateText(call), ""),
                RateLimitFactory.calls(element), RateLimitFactory.renewalPeriod(element), Increment.of(element),
                RateReport.of(element));
    }
}
