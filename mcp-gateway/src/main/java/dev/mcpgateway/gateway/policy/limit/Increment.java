package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.gateway.policy.attributes.WholeNumber;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;

/**
 * What a call adds to its counter: {@code increment-count} (1 by default) when {@code increment-condition} holds
 * (always by default), else nothing.
 *
 * <p>When to count follows APIM's documentation: an expression in either attribute "postpones evaluation and counter
 * increment to the end of the outbound pipeline". Such a call is checked against the limit on the way in and counted
 * once it completes, so that {@code @(context.Response.StatusCode == 200)} reads the status the caller got; calls in
 * flight together may then pass the limit by as many as are in flight. Values known at load are counted on the way
 * in, atomically with the check, where concurrent calls cannot pass the limit. Deciding by whether a condition reads
 * the response instead would count request-only expressions earlier than APIM does, and differently from it.
 *
 * @param condition null when the element has none
 * @param count     null when the element has none (or the policy has no such attribute)
 */
record Increment(Expression condition, WholeNumber count) {

    static Increment of(PolicyElement element) throws PolicyDocumentException {
        return new Increment(element.attribute("increment-condition"),
                WholeNumber.of(element, "increment-count", n -> n > 0, "a positive whole number"));
    }

    /** Whether the call is counted once it completes rather than on the way in. */
    boolean onCompletion() {
        return condition != null && !condition.isConstant() || count != null && !count.isConstant();
    }

    /** Whether the call counts at all. */
    boolean holds(PolicyContext context) {
        return condition == null || condition.evaluateCondition(context);
    }

    /** What the call adds: 0 when the condition does not hold or the count is no positive whole number. */
    long amount(PolicyContext context) {
        if (!holds(context)) {
            return 0;
        }
        if (count == null) {
            return 1;
        }
        Long value = count.value(context);
        return value == null ? 0 : value;
    }
}
