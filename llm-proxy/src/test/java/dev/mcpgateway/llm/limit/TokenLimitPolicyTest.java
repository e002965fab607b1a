package dev.mcpgateway.llm.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TokenLimitPolicyTest {

    @Test
    void compilesApimAttributesAsUsersWriteThem() {
        TokenLimitPolicy p = TokenLimitPolicy.fromAttributes(Map.of(
                "tokens-per-minute", "5000",
                "token-quota", "100000",
                "token-quota-period", "Monthly",
                "estimate-prompt-tokens", "true",
                "remaining-tokens-header-name", "x-remaining"));

        assertEquals(5000, p.tokensPerMinute());
        assertEquals(QuotaPeriod.MONTHLY, p.quotaPeriod());
        assertTrue(p.estimatePromptTokens());
        assertEquals(Optional.of("x-remaining"), p.remainingTokensHeaderName());
        assertFalse(p.tokensConsumedHeaderName().isPresent());
    }

    @Test
    void badAttributesAreRefusedNamingTheKey() {
        assertMessage("tokens-per-minute", Map.of("tokens-per-minute", "lots"));
        assertMessage("token-quota-period", Map.of("token-quota", "10"));
        assertMessage("tokens-per-minute or token-quota", Map.of("estimate-prompt-tokens", "true"));
        assertMessage("'tokens-per-hour'", Map.of("tokens-per-hour", "10"));
        assertMessage("estimate-prompt-tokens", Map.of("tokens-per-minute", "1", "estimate-prompt-tokens", "yes"));
    }

    @Test
    void headersCarryRetryAfterRemainingAndConsumedUnderTheConfiguredNames() {
        TokenLimitPolicy p = TokenLimitPolicy.fromAttributes(Map.of(
                "tokens-per-minute", "100", "token-quota", "1000", "token-quota-period", "Daily",
                "retry-after-header-name", "x-retry", "remaining-tokens-header-name", "x-left",
                "remaining-quota-tokens-header-name", "x-quota-left", "tokens-consumed-header-name", "x-used"));
        var rejected = new Admission.Rejected(Admission.Reason.RATE, 12, OptionalLong.of(3), OptionalLong.of(400));

        assertEquals(Map.of("Retry-After", "12", "x-retry", "12", "x-left", "3", "x-quota-left", "400"),
                LimitHeaders.onReject(p, rejected));
        assertEquals(Map.of("x-used", "57", "x-left", "43", "x-quota-left", "943"),
                LimitHeaders.onSettle(p, new Settlement(57, OptionalLong.of(43), OptionalLong.of(943))));
    }

    private static void assertMessage(String expected, Map<String, String> attributes) {
        var e = assertThrows(IllegalArgumentException.class, () -> TokenLimitPolicy.fromAttributes(attributes));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
