package dev.mcpgateway.gateway.policy.xml;

import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.ExpressionException;
import dev.mcpgateway.gateway.policy.expression.Expressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks an element's attributes against its {@link ElementSpec} and compiles their values. */
final class Attributes {

    private Attributes() {
    }

    static Map<String, Expression> compile(XmlElement element, ElementSpec spec) throws PolicyDocumentException {
        Map<String, Expression> compiled = new LinkedHashMap<>();
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            AttributeSpec declared = spec.attributes().get(attribute.getKey());
            if (declared == null) {
                throw new PolicyDocumentException(element.name(), element.line(), "the attribute '"
                        + attribute.getKey() + "' is not supported" + (spec.attributes().isEmpty()
                        ? "; this element takes no attributes"
                        : " (supported: " + String.join(", ", spec.attributes().keySet()) + ")"));
            }
            compiled.put(attribute.getKey(), value(element, declared, attribute.getValue()));
        }
        for (String name : spec.required()) {
            if (!compiled.containsKey(name)) {
                throw new PolicyDocumentException(element.name(), element.line(), "the attribute '" + name
                        + "' is required");
            }
        }
        for (List<String> group : spec.oneOf()) {
            if (group.stream().noneMatch(compiled::containsKey)) {
                throw new PolicyDocumentException(element.name(), element.line(), "one of the attributes "
                        + String.join(", ", group) + " is required");
            }
        }
        for (Map.Entry<String, String> pair : spec.requires().entrySet()) {
            if (compiled.containsKey(pair.getKey()) && !compiled.containsKey(pair.getValue())) {
                throw new PolicyDocumentException(element.name(), element.line(), "the attribute '"
                        + pair.getValue() + "' is required with '" + pair.getKey() + "'");
            }
        }
        return compiled;
    }

    /** Compiles a value; an expression that is refused is reported with the element's line. */
    static Expression expression(XmlElement element, String where, String value) throws PolicyDocumentException {
        try {
            return Expressions.compile(value);
        } catch (ExpressionException refused) {
            throw new PolicyDocumentException(element.name(), element.line(), "the expression in " + where + ": "
                    + refused.getMessage());
        }
    }

    private static Expression value(XmlElement element, AttributeSpec declared, String value)
            throws PolicyDocumentException {
        String where = "the attribute '" + declared.name() + "'";
        boolean expression = Expressions.isExpression(value);
        if (!declared.expressions() && expression) {
            throw new PolicyDocumentException(element.name(), element.line(), where + " takes no expression");
        }
        Expression compiled = expression(element, where, value);
        if (!declared.values().isEmpty() && !expression
                && declared.values().stream().noneMatch(word -> word.equalsIgnoreCase(value.strip()))) {
            throw new PolicyDocumentException(element.name(), element.line(), where + " must be one of "
                    + String.join(", ", declared.values().stream().sorted().toList()));
        }
        return compiled;
    }
}
