package dev.mcpgateway.gateway.policy.flow;

import dev.mcpgateway.gateway.policy.attributes.ExpressionTypes;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.ValueType;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Compiles {@code set-variable}. APIM keeps only basic types in variables; of the expression subset's types, a
 * decoded token ({@code AsJwt()}) and a bare context entity are not, and are refused at load.
 */
@Singleton
public final class SetVariableFactory implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("set-variable");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        String name = element.attribute("name").evaluateText(null).strip();
        if (name.isEmpty()) {
            throw new PolicyDocumentException(element.name(), element.line(), "the attribute 'name' is empty");
        }
        Expression value = element.attribute("value");
        ExpressionTypes.require(element, "the attribute 'value'", value, ValueType.STRING, ValueType.INT,
                ValueType.BOOL, ValueType.OBJECT, ValueType.NULL);
        return new SetVariable(name, value);
    }
}
