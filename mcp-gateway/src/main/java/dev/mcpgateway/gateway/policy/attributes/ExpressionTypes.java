package dev.mcpgateway.gateway.policy.attributes;

import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.ValueType;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.Arrays;

/** Refuses at load an expression whose type cannot give what its attribute needs, as APIM's C# compiler would. */
public final class ExpressionTypes {

    private ExpressionTypes() {
    }

    public static void require(PolicyElement element, String where, Expression expression, ValueType... allowed)
            throws PolicyDocumentException {
        if (!Arrays.asList(allowed).contains(expression.type())) {
            throw new PolicyDocumentException(element.name(), element.line(), "the expression in " + where
                    + " gives " + expression.type().csharpName() + "; it needs "
                    + String.join(" or ", Arrays.stream(allowed).map(ValueType::csharpName).toList()));
        }
    }
}
