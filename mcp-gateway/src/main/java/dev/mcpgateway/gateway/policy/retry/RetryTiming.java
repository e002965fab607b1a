package dev.mcpgateway.gateway.policy.retry;

import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.attributes.WholeNumber;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import dev.mcpgateway.llm.retry.RetryPolicy;
import java.time.Duration;

/**
 * How often and when a {@code retry} sends the call again, as APIM's reference has it: {@code count} retries (1 to
 * 50), waiting {@code interval} seconds; with {@code delta} the wait grows linearly, with {@code delta} and
 * {@code max-interval} exponentially up to {@code max-interval}; {@code first-fast-retry} makes the first retry
 * immediate. Text is checked and turned into the schedule at load; an expression is read per call.
 */
final class RetryTiming {

    /** A wait beyond an hour holds a call (and what it reserved) longer than any caller waits for an answer. */
    private static final long MAX_SECONDS = 3600;
    private static final String SECONDS = "a whole number of seconds from 0 to " + MAX_SECONDS;

    private final WholeNumber count;
    private final WholeNumber interval;
    private final WholeNumber delta;
    private final WholeNumber maxInterval;
    private final Condition firstFast;
    private final RetryPolicy constant;

    private RetryTiming(WholeNumber count, WholeNumber interval, WholeNumber delta, WholeNumber maxInterval,
                        Condition firstFast, boolean constant) {
        this.count = count;
        this.interval = interval;
        this.delta = delta;
        this.maxInterval = maxInterval;
        this.firstFast = firstFast;
        this.constant = constant ? read(null) : null;
    }

    static RetryTiming compile(PolicyElement element) throws PolicyDocumentException {
        WholeNumber count = WholeNumber.of(element, "count", n -> n >= 1 && n <= RetryPolicy.MAX_COUNT,
                "a whole number from 1 to " + RetryPolicy.MAX_COUNT);
        WholeNumber interval = seconds(element, "interval");
        WholeNumber delta = seconds(element, "delta");
        WholeNumber maxInterval = seconds(element, "max-interval");
        Condition firstFast = element.attribute("first-fast-retry") == null ? null
                : Condition.compile(element, "first-fast-retry");
        boolean constant = count.isConstant() && interval.isConstant() && (delta == null || delta.isConstant())
                && (maxInterval == null || maxInterval.isConstant()) && (firstFast == null || firstFast.isConstant());
        return new RetryTiming(count, interval, delta, maxInterval, firstFast, constant);
    }

    private static WholeNumber seconds(PolicyElement element, String attribute) throws PolicyDocumentException {
        return WholeNumber.of(element, attribute, n -> n <= MAX_SECONDS, SECONDS);
    }

    /** The schedule of this call, or null when an expression gave a value out of its rule. */
    RetryPolicy schedule(PolicyContext call) {
        return constant != null ? constant : read(call);
    }

    private RetryPolicy read(PolicyContext call) {
        Long retries = count.value(call);
        Duration wait = seconds(interval, call);
        Duration step = seconds(delta, call);
        Duration cap = seconds(maxInterval, call);
        if (retries == null || wait == null || delta != null && step == null || maxInterval != null && cap == null) {
            return null;
        }
        RetryPolicy.Formula formula = delta == null ? RetryPolicy.Formula.FIXED
                : maxInterval == null ? RetryPolicy.Formula.LINEAR : RetryPolicy.Formula.EXPONENTIAL;
        return new RetryPolicy(retries.intValue(), formula, wait, step, cap,
                firstFast != null && firstFast.evaluate(call));
    }

    private static Duration seconds(WholeNumber number, PolicyContext call) {
        Long value = number == null ? null : number.value(call);
        return value == null ? null : Duration.ofSeconds(value);
    }
}
