package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.llm.limit.Admission;
import dev.mcpgateway.llm.limit.Settlement;
import java.util.OptionalLong;

/**
 * The {@code *-variable-name} attributes of a token limit: the counts it sets as variables for the policies after
 * it, each null when not asked for.
 */
record LimitVariables(String retryAfter, String remainingTokens, String remainingQuotaTokens,
                      String tokensConsumed) {

    void rejected(PolicyCall call, Admission.Rejected rejected) {
        set(call, retryAfter, OptionalLong.of(rejected.retryAfterSeconds()));
        remaining(call, rejected.remainingTokens(), rejected.remainingQuotaTokens());
    }

    void remaining(PolicyCall call, OptionalLong tokens, OptionalLong quotaTokens) {
        set(call, remainingTokens, tokens);
        set(call, remainingQuotaTokens, quotaTokens);
    }

    void settled(PolicyCall call, Settlement settlement) {
        set(call, tokensConsumed, OptionalLong.of(settlement.consumedTokens()));
        remaining(call, settlement.remainingTokens(), settlement.remainingQuotaTokens());
    }

    private static void set(PolicyCall call, String name, OptionalLong value) {
        if (name != null && value.isPresent()) {
            call.setVariable(name, value.getAsLong());
        }
    }
}
