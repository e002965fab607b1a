package dev.mcpgateway.gateway.policy.attributes;

import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import dev.mcpgateway.gateway.policy.expression.ValueType;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;

/**
 * A status code written in an attribute ({@code set-status code}, {@code failed-check-httpcode}): a number is checked
 * at load; an expression must be of a type that can hold one, and its value is checked per call. Only final statuses
 * (200 to 599) are accepted: an informational status cannot end a call.
 */
public final class StatusCode {

    private static final int LOWEST = 200;
    private static final int HIGHEST = 599;

    private final Expression expression;
    private final int constant;

    private StatusCode(Expression expression, int constant) {
        this.expression = expression;
        this.constant = constant;
    }

    /** A status fixed by the policy (APIM's default when an element is left out). */
    public static StatusCode of(int code) {
        return new StatusCode(null, code);
    }

    /** The attribute's status, {@code fallback} when it is not written. */
    public static StatusCode compile(PolicyElement element, String attribute, int fallback)
            throws PolicyDocumentException {
        Expression written = element.attribute(attribute);
        if (written == null) {
            return of(fallback);
        }
        if (written.isConstant()) {
            Integer code = code(written.evaluate(null));
            if (code == null) {
                throw new PolicyDocumentException(element.name(), element.line(), "the attribute '" + attribute
                        + "' must be a status code from " + LOWEST + " to " + HIGHEST + ", not '"
                        + written.evaluateText(null) + "'");
            }
            return of(code);
        }
        ExpressionTypes.require(element, "the attribute '" + attribute + "'", written, ValueType.INT,
                ValueType.STRING, ValueType.OBJECT);
        return new StatusCode(written, 0);
    }

    /** The status, or null when the expression gave no status code. */
    public Integer evaluate(PolicyContext context) {
        return expression == null ? Integer.valueOf(constant) : code(expression.evaluate(context));
    }

    private static Integer code(Object value) {
        long code;
        if (value instanceof Number number) {
            code = number.longValue();
        } else if (value instanceof String text && !text.isBlank() && text.strip().chars().allMatch(Character::isDigit)
                && text.strip().length() <= 3) {
            code = Long.parseLong(text.strip());
        } else {
            return null;
        }
        return code >= LOWEST && code <= HIGHEST ? Integer.valueOf((int) code) : null;
    }
}
