package dev.mcpgateway.gateway.policy.flow;

import dev.mcpgateway.gateway.policy.attributes.StatusCode;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyResponse;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.headers.Assignment;
import dev.mcpgateway.gateway.policy.headers.NameRules;
import dev.mcpgateway.gateway.policy.headers.ValueTarget;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code return-response}: answers the call now with the status, headers and body its children give; the backend is
 * not called. An expression that gives no usable status, reason or header fails the call instead.
 *
 * @param reason null for the status's usual phrase
 * @param body   null for no body
 */
record ReturnResponse(StatusCode status, Expression reason, List<Assignment> headers, Expression body)
        implements Policy {

    @Override
    public Decision apply(PolicyCall call) {
        Integer code = status.evaluate(call);
        String phrase = reason == null ? null : reason.evaluateText(call);
        if (code == null || phrase != null && !NameRules.HEADER.acceptsValue(phrase)) {
            return new Decision.Refuse(Refusal.POLICY_FAILED);
        }
        Map<String, List<String>> written = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ValueTarget target = ValueTarget.of(written);
        for (Assignment header : headers) {
            if (!header.apply(call, target)) {
                return new Decision.Refuse(Refusal.POLICY_FAILED);
            }
        }
        return new Decision.Respond(new PolicyResponse(code, phrase, written,
                body == null ? "" : body.evaluateText(call)));
    }
}
