package dev.mcpgateway.llm.limit;

import java.util.List;
import java.util.Map;

/** What {@link TokenLimitGate#enter} decided for a request over all the policies that apply to it. */
public sealed interface LimitDecision permits LimitDecision.Proceed, LimitDecision.Refuse {

    /** Headers to put on the response (remaining tokens on success; Retry-After and friends on refusal). */
    Map<String, String> headers();

    /**
     * Every policy admitted the request. Pass this to {@link TokenLimitGate#exit} exactly once when the call
     * ends (also when the backend failed: then with 0 tokens).
     *
     * @param admissions            one per policy, in policy order
     * @param estimatedPromptTokens the local prompt estimate (0 when no policy asked for it and the call is
     *                              not streamed); the stream fallback charges it when the backend reports
     *                              no usage
     */
    record Proceed(List<Admission.Admitted> admissions, long estimatedPromptTokens, Map<String, String> headers)
            implements LimitDecision {

        public Proceed {
            admissions = List.copyOf(admissions);
            headers = Map.copyOf(headers);
        }

        /** No policy applies: nothing to reconcile. */
        public static Proceed unlimited(long estimatedPromptTokens) {
            return new Proceed(List.of(), estimatedPromptTokens, Map.of());
        }
    }

    /**
     * A policy refused the request; nothing stays reserved on any counter. Render it as an OpenAI error with
     * {@link #status()} (429 rate, 403 quota) and {@link #headers()}.
     */
    record Refuse(TokenLimitPolicy policy, Admission.Rejected rejected, Map<String, String> headers)
            implements LimitDecision {

        public Refuse {
            headers = Map.copyOf(headers);
        }

        public int status() {
            return rejected.status();
        }
    }
}
