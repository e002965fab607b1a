package dev.mcpgateway.gateway.policy.identity;

import dev.mcpgateway.gateway.policy.attributes.ExpressionTypes;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import dev.mcpgateway.gateway.policy.expression.ValueType;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.time.Duration;

/**
 * {@code clock-skew}: how far the issuer's clock may be from ours, in whole seconds, 0 when not written (APIM's
 * default). A number is checked at load, an expression's value per call.
 */
final class ClockSkew {

    /** A day: more is no skew but a typo, and would keep expired tokens alive. */
    private static final long MAX_SECONDS = 86_400;

    private final Expression expression;
    private final Duration constant;

    private ClockSkew(Expression expression, Duration constant) {
        this.expression = expression;
        this.constant = constant;
    }

    static ClockSkew compile(PolicyElement element) throws PolicyDocumentException {
        Expression written = element.attribute("clock-skew");
        if (written == null) {
            return new ClockSkew(null, Duration.ZERO);
        }
        if (written.isConstant()) {
            Duration skew = seconds(written.evaluate(null));
            if (skew == null) {
                throw new PolicyDocumentException(element.name(), element.line(), "the attribute 'clock-skew' must"
                        + " be a whole number of seconds from 0 to " + MAX_SECONDS + ", not '"
                        + written.evaluateText(null) + "'");
            }
            return new ClockSkew(null, skew);
        }
        ExpressionTypes.require(element, "the attribute 'clock-skew'", written, ValueType.INT, ValueType.STRING,
                ValueType.OBJECT);
        return new ClockSkew(written, null);
    }

    /** The skew, or null when the expression gave no number of seconds in range. */
    Duration evaluate(PolicyContext context) {
        return expression == null ? constant : seconds(expression.evaluate(context));
    }

    private static Duration seconds(Object value) {
        long seconds;
        if (value instanceof Number number) {
            seconds = number.longValue();
        } else if (value instanceof String text && text.strip().matches("[0-9]{1,6}")) {
            seconds = Long.parseLong(text.strip());
        } else {
            return null;
        }
        return seconds >= 0 && seconds <= MAX_SECONDS ? Duration.ofSeconds(seconds) : null;
    }
}
