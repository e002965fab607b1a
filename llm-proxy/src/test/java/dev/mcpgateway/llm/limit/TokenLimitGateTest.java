package dev.mcpgateway.llm.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenLimitGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock("2026-03-10T12:00:15Z");
    private final TokenLimitGate gate = new TokenLimitGate(new InMemoryTokenLimiter(clock), new PromptTokenEstimator());

    @Test
    void estimatesThePromptReservesItAndReconcilesWithTheUsage() throws Exception {
        TokenLimitPolicy policy = TokenLimitPolicy.fromAttributes(Map.of("counter-key", "{subscription}",
                "tokens-per-minute", "100", "estimate-prompt-tokens", "true",
                "remaining-tokens-header-name", "x-left", "tokens-consumed-header-name", "x-used"));

        var proceed = assertInstanceOf(LimitDecision.Proceed.class,
                gate.enter(List.of(policy), caller("sub-1"), chat("hello world"), "gpt-4o", false));
        Map<String, String> after = gate.exit(proceed, 40);

        assertEquals(3 + 3 + 1 + 2, proceed.estimatedPromptTokens());
        assertEquals(Map.of("x-left", "91"), proceed.headers());
        assertEquals(Map.of("x-used", "40", "x-left", "60"), after);
    }

    @Test
    void aRefusalByALaterPolicyReleasesWhatEarlierPoliciesReserved() throws Exception {
        TokenLimitPolicy roomy = TokenLimitPolicy.perMinute("{subscription}", 1000);
        TokenLimitPolicy tight = TokenLimitPolicy.quota("ip:{client-ip}", 5, QuotaPeriod.DAILY);

        var refused = assertInstanceOf(LimitDecision.Refuse.class,
                gate.enter(List.of(roomy, tight), caller("sub-1"), chat("hello world"), "gpt-4o", false));
        var alone = assertInstanceOf(LimitDecision.Proceed.class,
                gate.enter(List.of(roomy), caller("sub-1"), chat("hello world"), "gpt-4o", false));

        assertEquals(403, refused.status());
        // 12:00:15 to the next UTC midnight
        assertEquals(Long.toString(12 * 3600 - 15), refused.headers().get("Retry-After"));
        assertEquals(991, alone.admissions().getFirst().remainingTokens().orElseThrow());
    }

    @Test
    void streamsAreEstimatedEvenWhenThePolicyDoesNotAskForIt() throws Exception {
        TokenLimitPolicy policy = TokenLimitPolicy.fromAttributes(Map.of("counter-key", "{subscription}",
                "tokens-per-minute", "100", "estimate-prompt-tokens", "false"));

        var streamed = assertInstanceOf(LimitDecision.Proceed.class,
                gate.enter(List.of(policy), caller("sub-1"), chat("hello world"), "gpt-4o", true));
        var plain = assertInstanceOf(LimitDecision.Proceed.class,
                gate.enter(List.of(policy), caller("sub-2"), chat("hello world"), "gpt-4o", false));

        assertEquals(9, streamed.admissions().getFirst().reservation().reservedTokens());
        assertEquals(0, plain.admissions().getFirst().reservation().reservedTokens());
    }

    @Test
    void compilesGatewayYmlEntriesAndScopesThemByDeploymentAndProduct() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "llm.token-limits.per-sub.counter-key", "{subscription}",
                "llm.token-limits.per-sub.tokens-per-minute", "5000",
                "llm.token-limits.gpt4o-gold.counter-key", "@(context.Request.IpAddress)",
                "llm.token-limits.gpt4o-gold.token-quota", "100",
                "llm.token-limits.gpt4o-gold.token-quota-period", "Daily",
                "llm.token-limits.gpt4o-gold.deployments", List.of("gpt-4o"),
                "llm.token-limits.gpt4o-gold.products", List.of("gold")))) {
            TokenLimitPolicies policies = ctx.getBean(TokenLimitPolicies.class);

            assertEquals(2, policies.applicableTo("gpt-4o", "gold").size());
            assertEquals(1, policies.applicableTo("gpt-4o", "starter").size());
            assertEquals(5000, policies.applicableTo("gpt-35", null).getFirst().tokensPerMinute());
            assertInstanceOf(InMemoryTokenLimiter.class, ctx.getBean(TokenLimiter.class));
        }
    }

    @Test
    void aBadEntryFailsStartupNamingTheEntryAndAttribute() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "llm.token-limits.broken.counter-key", "{subscription}",
                "llm.token-limits.broken.tokens-per-minute", "many"))) {
            var e = assertThrows(BeanInstantiationException.class, () -> ctx.getBean(TokenLimitPolicies.class));
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(t.getMessage()).append('\n');
            }
            assertTrue(chain.toString().contains("llm.token-limits.broken: tokens-per-minute must be a whole number"),
                    chain.toString());
        }
    }

    private static JsonNode chat(String text) throws Exception {
        return JSON.readTree("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}");
    }

    private static RequestAttributes caller(String subscription) {
        return new RequestAttributes() {
            @Override
            public Optional<String> subscriptionId() {
                return Optional.of(subscription);
            }

            @Override
            public Optional<String> clientIp() {
                return Optional.of("192.0.2.1");
            }

            @Override
            public Optional<String> header(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<String> jwtClaim(String name) {
                return Optional.empty();
            }
        };
    }
}
