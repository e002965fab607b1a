package dev.mcpgateway.gateway.policy.access;

import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.attributes.StatusCode;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.Expression;
import java.util.List;

/**
 * {@code check-header}: the request must carry the header and, when values are listed, one of them. The header is
 * read as APIM reads it, its values joined with {@code ","}, and compared whole.
 */
record CheckHeader(Expression name, StatusCode status, Expression message, Condition ignoreCase,
                   List<Expression> values) implements Policy {

    static final String CODE = "header_check_failed";
    private static final String DEFAULT_MESSAGE = "The request does not carry a header this API requires.";

    @Override
    public Decision apply(PolicyCall call) {
        String header = name.evaluateText(call);
        String actual = header == null ? null : call.header(header);
        if (actual != null && (values.isEmpty() || allowed(actual, call))) {
            return Decision.CONTINUE;
        }
        Integer code = status.evaluate(call);
        if (code == null) {
            return new Decision.Refuse(Refusal.POLICY_FAILED);
        }
        String text = message.evaluateText(call);
        return new Decision.Refuse(Refusal.of(code, CODE, text == null || text.isBlank() ? DEFAULT_MESSAGE : text));
    }

    private boolean allowed(String actual, PolicyCall call) {
        boolean anyCase = ignoreCase.evaluate(call);
        for (Expression value : values) {
            String expected = value.evaluateText(call);
            if (expected != null && (anyCase ? expected.equalsIgnoreCase(actual) : expected.equals(actual))) {
                return true;
            }
        }
        return false;
    }
}
