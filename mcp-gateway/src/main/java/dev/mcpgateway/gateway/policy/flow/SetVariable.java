package dev.mcpgateway.gateway.policy.flow;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.expression.Expression;

/** {@code set-variable}: the value as the expression gives it (String, Long, Boolean; text is a String). */
record SetVariable(String name, Expression value) implements Policy {

    @Override
    public Decision apply(PolicyCall call) {
        call.setVariable(name, value.evaluate(call));
        return Decision.CONTINUE;
    }
}
