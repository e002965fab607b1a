package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.gateway.policy.attributes.WholeNumber;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code rate-limit}: calls per renewal period for each subscription, counted apart for each scope where the policy is
 * written, so that the limits of two documents never share a counter. A call without a subscription is counted by
 * the caller's address. Every attribute is a literal, checked at load.
 */
@Singleton
public final class RateLimitFactory extends CountingPolicyFactory {

    /** APIM's maximum renewal period of its rate limits. */
    static final long MAX_PERIOD = 300;

    public RateLimitFactory(CallCounters counters) {
        super(counters);
    }

    @Override
    public Set<String> elements() {
        return Set.of("rate-limit");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        String scope = compiler.scope();
        Function<PolicyCall, String> counter = call -> {
            String subscription = call.value(ContextValue.SUBSCRIPTION_ID);
            return "rate-limit|" + scope + "|" + (subscription != null ? "subscription:" + subscription
                    : "address:" + Objects.toString(call.value(ContextValue.REQUEST_IP_ADDRESS), ""));
        };
        return new CallRateLimit(counters, counter, calls(element), renewalPeriod(element),
                new Increment(null, null), RateReport.of(element));
    }

    static WholeNumber calls(PolicyElement element) throws PolicyDocumentException {
        return WholeNumber.of(element, "calls", n -> n > 0, "a positive whole number");
    }

    static WholeNumber renewalPeriod(PolicyElement element) throws PolicyDocumentException {
        return WholeNumber.of(element, "renewal-period", n -> n > 0 && n <= MAX_PERIOD,
                "a whole number of seconds from 1 to " + MAX_PERIOD);
    }
}
