package dev.mcpgateway.gateway.policy.attributes;

import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import dev.mcpgateway.gateway.policy.expression.ValueType;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;

/**
 * A boolean attribute ({@code when condition}, {@code ignore-case}): text must be {@code true} or {@code false}; an
 * expression must give a bool (or an object, such as a variable read, which is true only when it holds true).
 */
public final class Condition {

    private final Expression expression;
    private final boolean constant;

    private Condition(Expression expression, boolean constant) {
        this.expression = expression;
        this.constant = constant;
    }

    /** The attribute's value, {@code fallback} when it is not written. */
    public static Condition compile(PolicyElement element, String attribute, boolean fallback)
            throws PolicyDocumentException {
        return element.attribute(attribute) == null ? new Condition(null, fallback) : compile(element, attribute);
    }

    public static Condition compile(PolicyElement element, String attribute) throws PolicyDocumentException {
        Expression written = element.attribute(attribute);
        String where = "the attribute '" + attribute + "'";
        if (written.isConstant()) {
            String text = written.evaluateText(null);
            if (!"true".equalsIgnoreCase(text) && !"false".equalsIgnoreCase(text)) {
                throw new PolicyDocumentException(element.name(), element.line(), where
                        + " must be true, false or an expression");
            }
            return new Condition(null, Boolean.parseBoolean(text));
        }
        ExpressionTypes.require(element, where, written, ValueType.BOOL, ValueType.OBJECT);
        return new Condition(written, false);
    }

    /** Whether the value was written as text, so that it is the same for every call. */
    public boolean isConstant() {
        return expression == null;
    }

    public boolean evaluate(PolicyContext context) {
        return expression == null ? constant : expression.evaluateCondition(context);
    }
}
