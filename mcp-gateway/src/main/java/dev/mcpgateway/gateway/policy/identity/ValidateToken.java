package dev.mcpgateway.gateway.policy.identity;

import dev.mcpgateway.gateway.policy.attributes.StatusCode;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.Jwt;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.Map;

/**
 * {@code validate-jwt} and {@code validate-azure-ad-token}: a call whose token fails validation is refused with
 * {@code failed-validation-httpcode} (401 by default) and {@code failed-validation-error-message} (by default a
 * sentence naming the failed check, as APIM's do). A 401 carries a Bearer challenge (RFC 6750 3.1: no error code
 * when no token was sent). A valid token is decoded into {@code output-token-variable-name} when one is written.
 */
record ValidateToken(TokenValidation validation, StatusCode status, Expression message, String outputVariable)
        implements Policy {

    static final String CODE = "invalid_token";

    static ValidateToken compile(PolicyElement element, TokenValidation validation)
            throws PolicyDocumentException {
        Expression variable = element.attribute("output-token-variable-name");
        String name = variable == null ? null : variable.evaluateText(null);
        if (name != null && name.isBlank()) {
            throw new PolicyDocumentException(element.name(), element.line(),
                    "the attribute 'output-token-variable-name' is empty");
        }
        return new ValidateToken(validation, StatusCode.compile(element, "failed-validation-httpcode", 401),
                element.attribute("failed-validation-error-message"), name == null ? null : name.strip());
    }

    @Override
    public Decision apply(PolicyCall call) {
        return switch (validation.validate(call)) {
            case Validation.Valid valid -> {
                if (outputVariable != null) {
                    call.setVariable(outputVariable, Jwt.parse(valid.token()));
                }
                yield Decision.CONTINUE;
            }
            case Validation.Invalid invalid -> refuse(call, invalid);
            case Validation.Unusable unusable -> new Decision.Refuse(Refusal.POLICY_FAILED);
        };
    }

    private Decision refuse(PolicyCall call, Validation.Invalid invalid) {
        Integer code = status.evaluate(call);
        if (code == null) {
            return new Decision.Refuse(Refusal.POLICY_FAILED);
        }
        String written = message == null ? null : message.evaluateText(call);
        Map<String, String> headers = code != 401 ? Map.of() : Map.of("WWW-Authenticate",
                invalid.presented() ? "Bearer error=\"invalid_token\"" : "Bearer");
        return new Decision.Refuse(new Refusal(code, CODE, written == null || written.isBlank()
                ? invalid.message() : written, null, headers));
    }

    @Override
    public boolean mayBlock() {
        return validation.mayBlock();
    }
}
