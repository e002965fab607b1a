package dev.mcpgateway.llm.limit;

import java.util.OptionalLong;

/**
 * The outcome of reconciling a reservation with what the call really used.
 *
 * @param consumedTokens       tokens the call consumed (the {@code tokens-consumed-header-name} value)
 * @param remainingTokens      tokens left in the charged minute; empty without a rate limit
 * @param remainingQuotaTokens tokens left in the charged quota window; empty without a quota
 */
public record Settlement(long consumedTokens, OptionalLong remainingTokens, OptionalLong remainingQuotaTokens) {
}
