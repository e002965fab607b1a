package dev.mcpgateway.gateway.policy.access;

import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.attributes.ExpressionTypes;
import dev.mcpgateway.gateway.policy.attributes.StatusCode;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.ValueType;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.Set;

/** Compiles {@code check-header}; every attribute is required and may be an expression, as in APIM. */
@Singleton
public final class CheckHeaderFactory implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("check-header");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        Expression name = element.attribute("name");
        if (name.isConstant() && name.evaluateText(null).isBlank()) {
            throw new PolicyDocumentException(element.name(), element.line(), "the attribute 'name' is empty");
        }
        ExpressionTypes.require(element, "the attribute 'name'", name, ValueType.STRING, ValueType.OBJECT);
        return new CheckHeader(name, StatusCode.compile(element, "failed-check-httpcode", 0),
                element.attribute("failed-check-error-message"), Condition.compile(element, "ignore-case"),
                element.children("value").stream().map(value -> value.text() == null ? Expression.constant("")
                        : value.text()).toList());
    }
}
