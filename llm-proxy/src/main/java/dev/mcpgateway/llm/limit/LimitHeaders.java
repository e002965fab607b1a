package dev.mcpgateway.llm.limit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The response headers a policy asks for, computed from the limiter's decisions. The pipeline adds them to
 * the response it sends (or, for {@link #onSettle}, to the response when it is not yet committed).
 */
public final class LimitHeaders {

    private LimitHeaders() {
    }

    /** Headers for an admitted request: the remaining-tokens headers the policy names. */
    public static Map<String, String> onAdmit(TokenLimitPolicy policy, Admission.Admitted admitted) {
        Map<String, String> headers = new LinkedHashMap<>();
        remaining(policy, admitted.remainingTokens(), admitted.remainingQuotaTokens(), headers);
        return headers;
    }

    /**
     * Headers for a refused request: {@code Retry-After} always (seconds), the policy's
     * {@code retry-after-header-name} too, and the remaining-tokens headers.
     */
    public static Map<String, String> onReject(TokenLimitPolicy policy, Admission.Rejected rejected) {
        Map<String, String> headers = new LinkedHashMap<>();
        String seconds = Long.toString(rejected.retryAfterSeconds());
        headers.put("Retry-After", seconds);
        policy.retryAfterHeaderName().ifPresent(name -> headers.put(name, seconds));
        remaining(policy, rejected.remainingTokens(), rejected.remainingQuotaTokens(), headers);
        return headers;
    }

    /** Headers known once the call ended: tokens consumed, and the remaining counts after reconciliation. */
    public static Map<String, String> onSettle(TokenLimitPolicy policy, Settlement settlement) {
        Map<String, String> headers = new LinkedHashMap<>();
        policy.tokensConsumedHeaderName()
                .ifPresent(name -> headers.put(name, Long.toString(settlement.consumedTokens())));
        remaining(policy, settlement.remainingTokens(), settlement.remainingQuotaTokens(), headers);
        return headers;
    }

    private static void remaining(TokenLimitPolicy policy, OptionalLong tokens, OptionalLong quota,
                                  Map<String, String> headers) {
        policy.remainingTokensHeaderName().ifPresent(name -> tokens.ifPresent(t -> headers.put(name, Long.toString(t))));
        policy.remainingQuotaTokensHeaderName()
                .ifPresent(name -> quota.ifPresent(q -> headers.put(name, Long.toString(q))));
    }
}
