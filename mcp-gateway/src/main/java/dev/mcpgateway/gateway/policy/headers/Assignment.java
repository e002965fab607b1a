package dev.mcpgateway.gateway.policy.headers;

import dev.mcpgateway.gateway.policy.attributes.Choice;
import dev.mcpgateway.gateway.policy.attributes.ExpressionTypes;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import dev.mcpgateway.gateway.policy.expression.ValueType;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code set-header} or {@code set-query-parameter}: the name, what to do when it is there already, and the
 * {@code <value>}s, each an expression or text. A value that evaluates to null is left out, so that an override
 * whose values are all null removes the name (a caller's {@code X-User} is not passed on when there is no user).
 * What is written as text is checked at load, what expressions give is checked per call.
 */
public record Assignment(Expression name, Choice<ExistsAction> action, List<Expression> values, NameRules rules) {

    public static Assignment compile(PolicyElement element, NameRules rules) throws PolicyDocumentException {
        Expression name = element.attribute("name");
        if (name.isConstant()) {
            String problem = rules.problemWithName(name.evaluateText(null).strip());
            if (problem != null) {
                throw new PolicyDocumentException(element.name(), element.line(), "the attribute 'name': "
                        + problem);
            }
        } else {
            ExpressionTypes.require(element, "the attribute 'name'", name, ValueType.STRING, ValueType.OBJECT);
        }
        List<Expression> values = new ArrayList<>();
        for (PolicyElement value : element.children("value")) {
            Expression text = value.text() == null ? Expression.constant("") : value.text();
            if (text.isConstant() && !rules.acceptsValue(text.evaluateText(null))) {
                throw new PolicyDocumentException(value.name(), value.line(), "holds a control character");
            }
            values.add(text);
        }
        return new Assignment(name, Choice.compile(element, "exists-action", ExistsAction.class,
                ExistsAction.OVERRIDE), List.copyOf(values), rules);
    }

    /** Applies the assignment; false when an expression gave what cannot be sent, and nothing was changed. */
    public boolean apply(PolicyContext context, ValueTarget target) {
        String key = name.evaluateText(context);
        ExistsAction chosen = action.evaluate(context);
        if (key == null || chosen == null || rules.problemWithName(key.strip()) != null) {
            return false;
        }
        key = key.strip();
        if (chosen == ExistsAction.DELETE) {
            target.writer().accept(key, List.of());
            return true;
        }
        String current = target.reader().apply(key);
        if (chosen == ExistsAction.SKIP && current != null) {
            return true;
        }
        List<String> next = new ArrayList<>(values.size() + 1);
        if (chosen == ExistsAction.APPEND && current != null) {
            next.add(current);
        }
        for (Expression value : values) {
            String text = value.evaluateText(context);
            if (text != null) {
                if (!rules.acceptsValue(text)) {
                    return false;
                }
                next.add(text);
            }
        }
        target.writer().accept(key, next);
        return true;
    }
}
