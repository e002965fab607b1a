package dev.mcpgateway.llm.limit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The limits of one {@code llm-token-limit} policy, compiled from APIM's attribute names. Which counter a call counts
 * against ({@code counter-key}) is the policy engine's business: it evaluates the key and hands it to the
 * {@link TokenLimiter} with these limits.
 *
 * @param tokensPerMinute               prompt + completion tokens allowed per UTC minute; 0 = no rate limit
 *                                      ({@code tokens-per-minute})
 * @param tokenQuota                    tokens allowed per quota period; 0 = no quota ({@code token-quota})
 * @param quotaPeriod                   the quota window ({@code token-quota-period}); required with a quota
 * @param estimatePromptTokens          true: prompt tokens are estimated and reserved before the call, and a
 *                                      prompt larger than what is left is refused without reaching the
 *                                      backend; false: the request is admitted while the counter is below the
 *                                      limit and charged from the response {@code usage}. Streaming requests
 *                                      are always estimated (the pipeline passes the estimate regardless).
 * @param retryAfterHeaderName          extra header carrying the retry-after seconds on a rejection
 *                                      ({@code retry-after-header-name}); {@code Retry-After} is always sent
 * @param remainingTokensHeaderName     header carrying the tokens left in the minute
 *                                      ({@code remaining-tokens-header-name})
 * @param remainingQuotaTokensHeaderName header carrying the tokens left in the quota period
 *                                      ({@code remaining-quota-tokens-header-name})
 * @param tokensConsumedHeaderName      header carrying the tokens the call consumed, known only after the
 *                                      response ({@code tokens-consumed-header-name})
 */
public record TokenLimitPolicy(
        long tokensPerMinute,
        long tokenQuota,
        QuotaPeriod quotaPeriod,
        boolean estimatePromptTokens,
        Optional<String> retryAfterHeaderName,
        Optional<String> remainingTokensHeaderName,
        Optional<String> remainingQuotaTokensHeaderName,
        Optional<String> tokensConsumedHeaderName) {

    /** The attributes {@link #fromAttributes} reads. */
    public static final Set<String> ATTRIBUTES = Set.of("tokens-per-minute", "token-quota", "token-quota-period",
            "estimate-prompt-tokens", "retry-after-header-name", "remaining-tokens-header-name",
            "remaining-quota-tokens-header-name", "tokens-consumed-header-name");

    public TokenLimitPolicy {
        if (tokensPerMinute < 0 || tokenQuota < 0) {
            throw new IllegalArgumentException("tokens-per-minute and token-quota must not be negative");
        }
        if (tokensPerMinute == 0 && tokenQuota == 0) {
            throw new IllegalArgumentException("llm-token-limit needs tokens-per-minute or token-quota");
        }
        if (tokenQuota > 0 && quotaPeriod == null) {
            throw new IllegalArgumentException("token-quota needs token-quota-period");
        }
        retryAfterHeaderName = Objects.requireNonNullElse(retryAfterHeaderName, Optional.empty());
        remainingTokensHeaderName = Objects.requireNonNullElse(remainingTokensHeaderName, Optional.empty());
        remainingQuotaTokensHeaderName = Objects.requireNonNullElse(remainingQuotaTokensHeaderName, Optional.empty());
        tokensConsumedHeaderName = Objects.requireNonNullElse(tokensConsumedHeaderName, Optional.empty());
    }

    /** A rate-only policy without optional headers, handy in code and tests. */
    public static TokenLimitPolicy perMinute(long tokensPerMinute) {
        return new TokenLimitPolicy(tokensPerMinute, 0, null, true,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A quota-only policy without optional headers. */
    public static TokenLimitPolicy quota(long tokenQuota, QuotaPeriod period) {
        return new TokenLimitPolicy(0, tokenQuota, period, true,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Compiles the limits from APIM's attribute names and string values, exactly as they appear in an APIM policy
     * document or in {@code gateway.yml}.
     *
     * @throws IllegalArgumentException naming the offending attribute
     */
    public static TokenLimitPolicy fromAttributes(Map<String, String> attributes) {
        for (String name : attributes.keySet()) {
            if (!ATTRIBUTES.contains(name)) {
                throw new IllegalArgumentException("llm-token-limit has no attribute '" + name + "'");
            }
        }
        String period = attributes.get("token-quota-period");
        return new TokenLimitPolicy(
                number(attributes, "tokens-per-minute"),
                number(attributes, "token-quota"),
                period == null ? null : QuotaPeriod.parse(period),
                bool(attributes, "estimate-prompt-tokens"),
                Optional.ofNullable(attributes.get("retry-after-header-name")),
                Optional.ofNullable(attributes.get("remaining-tokens-header-name")),
                Optional.ofNullable(attributes.get("remaining-quota-tokens-header-name")),
                Optional.ofNullable(attributes.get("tokens-consumed-header-name")));
    }

    public boolean limitsRate() {
        return tokensPerMinute > 0;
    }

    public boolean limitsQuota() {
        return tokenQuota > 0;
    }

    private static long number(Map<String, String> attributes, String name) {
        String v = attributes.get(name);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> attributes, String name) {
        String v = attributes.getOrDefault(name, "false").trim();
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(name + " must be true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }
}
