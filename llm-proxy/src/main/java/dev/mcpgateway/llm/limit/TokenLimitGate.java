package dev.mcpgateway.llm.limit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place the pipeline calls for token limits: estimate once, admit against every applicable policy
 * in order, undo earlier reservations when a later policy refuses, and reconcile all of them at the end.
 *
 * <pre>
 * LimitDecision d = gate.enter(policies.applicableTo(deployment, product), attributes, body, model, stream);
 * if (d instanceof LimitDecision.Refuse r) → OpenAI error r.status(), headers r.headers()
 * ... call the backend, relay; usage from the response or StreamUsageMeter ...
 * gate.exit((LimitDecision.Proceed) d, usage.totalTokens())   // 0 if the backend failed
 * </pre>
 */
@Singleton
public class TokenLimitGate {

    private final TokenLimiter limiter;
    private final PromptTokenEstimator estimator;

    public TokenLimitGate(TokenLimiter limiter, PromptTokenEstimator estimator) {
        this.limiter = limiter;
        this.estimator = estimator;
    }

    /**
     * @param body      the parsed request body
     * @param model     the model or deployment (chooses the tokenizer)
     * @param streaming whether the client asked for a stream; streams are always estimated
     */
    public LimitDecision enter(List<TokenLimitPolicy> policies, RequestAttributes request, JsonNode body,
                               String model, boolean streaming) {
        boolean estimate = streaming || policies.stream().anyMatch(TokenLimitPolicy::estimatePromptTokens);
        long prompt = estimate ? estimator.estimate(body, model) : 0;
        List<Admission.Admitted> admitted = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (TokenLimitPolicy policy : policies) {
            long reserve = policy.estimatePromptTokens() || streaming ? prompt : 0;
            Admission a = limiter.admit(policy.counterKey().evaluate(request), policy, reserve);
            if (a instanceof Admission.Rejected rejected) {
                admitted.forEach(done -> limiter.settle(done.reservation(), 0));
                return new LimitDecision.Refuse(policy, rejected, LimitHeaders.onReject(policy, rejected));
            }
            Admission.Admitted ok = (Admission.Admitted) a;
            admitted.add(ok);
            headers.putAll(LimitHeaders.onAdmit(policy, ok));
        }
        return new LimitDecision.Proceed(admitted, prompt, headers);
    }

    /**
     * Reconciles every reservation with the tokens the call consumed.
     *
     * @return the headers known only now ({@code tokens-consumed-header-name} and updated remaining counts),
     *         for a response not yet committed (non-streamed) or for logs
     */
    public Map<String, String> exit(LimitDecision.Proceed proceed, long actualTokens) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Admission.Admitted a : proceed.admissions()) {
            Settlement s = limiter.settle(a.reservation(), actualTokens);
            headers.putAll(LimitHeaders.onSettle(a.reservation().policy(), s));
        }
        return headers;
    }
}
