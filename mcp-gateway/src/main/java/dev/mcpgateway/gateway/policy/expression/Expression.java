package dev.mcpgateway.gateway.policy.expression;

/**
 * A compiled {@code @(...)} expression or a constant value: a small tree of records evaluated against a
 * {@link PolicyContext}. Evaluation never parses and never throws for a missing value; null propagates as C#'s
 * {@code ?.} would. Values are String, Long, Boolean, {@link Jwt} or null.
 */
public interface Expression {

    Object evaluate(PolicyContext context);

    ValueType type();

    /** True for plain text and literals: the value is known at load, no context needed. */
    default boolean isConstant() {
        return false;
    }

    /** The value as C# would render it in a string ({@code True}, {@code 42}), or null. */
    default String evaluateText(PolicyContext context) {
        return Values.text(evaluate(context));
    }

    /** True only for {@code true} (or the text {@code "true"} in any case, as APIM reads boolean attributes). */
    default boolean evaluateCondition(PolicyContext context) {
        return Values.isTrue(evaluate(context));
    }

    /** Plain text taken as it is written. */
    static Expression constant(String text) {
        return new Constant(text, ValueType.STRING);
    }
}
