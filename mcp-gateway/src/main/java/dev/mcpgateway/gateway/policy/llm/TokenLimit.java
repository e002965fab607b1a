package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.llm.limit.Admission;
import dev.mcpgateway.llm.limit.LimitHeaders;
import dev.mcpgateway.llm.limit.TokenLimitPolicy;
import dev.mcpgateway.llm.limit.TokenLimiter;
import dev.mcpgateway.llm.policy.LlmCall;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One compiled {@code llm-token-limit}: the counter key is evaluated per call, the call is admitted on the limiter's
 * counters (in memory, or in Redis shared by every instance) with its prompt estimate reserved, and the reservation is
 * settled with the tokens the call consumed when it completes. A refusal is 429 for the per-minute rate and 403 for the
 * quota, with {@code Retry-After}, as APIM answers.
 */
final class TokenLimit implements Policy {

    private final Expression counterKey;
    private final TokenLimitPolicy limits;
    private final TokenLimiter limiter;
    private final LimitVariables variables;

    TokenLimit(Expression counterKey, TokenLimitPolicy limits, TokenLimiter limiter, LimitVariables variables) {
        this.counterKey = counterKey;
        this.limits = limits;
        this.limiter = limiter;
        this.variables = variables;
    }

    @Override
    public Decision apply(PolicyCall call) {
        LlmCall llm = LlmCallFacts.of(call).call();
        // a key that reads nothing counts against the empty key's counter rather than escaping the limit
        String key = Objects.requireNonNullElse(counterKey.evaluateText(call), "");
        // a stream's usage is only known at its end, so its prompt is always reserved up front
        long reserve = limits.estimatePromptTokens() || llm.stream() ? llm.promptTokens().getAsLong() : 0;
        Admission admission = limiter.admit(key, limits, reserve);
        if (admission instanceof Admission.Rejected rejected) {
            variables.rejected(call, rejected);
            return new Decision.Refuse(refusal(rejected));
        }
        Admission.Admitted admitted = (Admission.Admitted) admission;
        variables.remaining(call, admitted.remainingTokens(), admitted.remainingQuotaTokens());
        headers(call, LimitHeaders.onAdmit(limits, admitted));
        call.onCompletion(outcome -> {
            var settled = limiter.settle(admitted.reservation(), outcome.tokens());
            // the counts after settling supersede those known at admission
            headers(call, LimitHeaders.onSettle(limits, settled));
            variables.settled(call, settled);
        });
        return Decision.CONTINUE;
    }

    private Refusal refusal(Admission.Rejected rejected) {
        long seconds = rejected.retryAfterSeconds();
        Map<String, String> headers = LimitHeaders.onReject(limits, rejected);
        return rejected.reason() == Admission.Reason.RATE
                ? new Refusal(429, "token_limit_exceeded", "Token limit is exceeded. Try again in " + seconds
                        + " seconds.", seconds, headers)
                : new Refusal(403, "token_quota_exceeded", "Token quota is exceeded. Try again in " + seconds
                        + " seconds.", seconds, headers);
    }

    private static void headers(PolicyCall call, Map<String, String> headers) {
        headers.forEach((name, value) -> call.setResponseHeader(name, List.of(value)));
    }

    @Override
    public boolean mayBlock() {
        return limiter.mayBlock();
    }
}
