package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.gateway.policy.attributes.WholeNumber;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * {@code quota-by-key} ({@link CallQuota}). {@code calls}, {@code bandwidth}, {@code renewal-period} and
 * {@code first-period-start} are literals, checked at load: a renewal period of 0 is a quota that never renews,
 * otherwise it is at least APIM's minimum of 300 seconds.
 */
@Singleton
public final class QuotaByKeyFactory extends CountingPolicyFactory {

    /** APIM's first-period-start default: renewal periods counted from the start of year 1. */
    static final Instant FIRST_PERIOD_START = Instant.parse("0001-01-01T00:00:00Z");
    static final long MIN_PERIOD = 300;

    public QuotaByKeyFactory(CallCounters counters) {
        super(counters);
    }

    @Override
    public Set<String> elements() {
        return Set.of("quota-by-key");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        Long calls = WholeNumber.literal(element, "calls", n -> n > 0, "a positive whole number");
        Long kilobytes = WholeNumber.literal(element, "bandwidth", n -> n > 0 && n <= Long.MAX_VALUE / 1024,
                "a positive whole number of kilobytes");
        long period = WholeNumber.literal(element, "renewal-period", n -> n == 0 || n >= MIN_PERIOD,
                "0 (never renews) or a whole number of seconds from " + MIN_PERIOD);
        return new CallQuota(counters, element.attribute("counter-key"), calls, kilobytes,
                new Window(firstPeriodStart(element), period), Increment.of(element));
    }

    private static Instant firstPeriodStart(PolicyElement element) throws PolicyDocumentException {
        Expression value = element.attribute("first-period-start");
        if (value == null) {
            return FIRST_PERIOD_START;
        }
        String text = value.evaluateText(null);
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new PolicyDocumentException(element.name(), element.line(), "the attribute 'first-period-start'"
                    + " must be a date and time such as 2024-01-01T00:00:00Z, not '" + text + "'");
        }
    }
}
