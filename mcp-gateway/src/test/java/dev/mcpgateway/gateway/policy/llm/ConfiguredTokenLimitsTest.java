package dev.mcpgateway.gateway.policy.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.LlmGatewayFixture;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import dev.mcpgateway.testsupport.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token limits configured as {@code llm.token-limits.*} properties, as before there were policy documents: they are
 * compiled into llm-token-limit policies that run on every call and keep their behaviour (headers, 429 and 403 with
 * Retry-After, streams and answers without usage charged, product and deployment scopes).
 */
class ConfiguredTokenLimitsTest {

    private static final String STREAM = LlmGatewayFixture.CHAT.replace("{\"model\"", "{\"stream\":true,\"model\"");
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T10:00:05Z"));
    private LlmGatewayFixture llm;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        llm.close();
    }

    private LlmGatewayFixture perSubscription() {
        return new LlmGatewayFixture().clock(clock)
                .property("llm.token-limits.per-sub.counter-key", "{subscription}")
                .property("llm.token-limits.per-sub.estimate-prompt-tokens", true)
                .property("llm.token-limits.per-sub.remaining-tokens-header-name", "x-remaining-tokens")
                .property("llm.token-limits.per-sub.tokens-consumed-header-name", "x-consumed-tokens");
    }

    @Nested
    class WithATokensPerMinuteLimit {

        @Test
        void callsBelowTheLimitPassWithRemainingAndConsumedHeaders() throws Exception {
            llm = perSubscription().property("llm.token-limits.per-sub.tokens-per-minute", 100).start(dir);

            GatewayFixture.Response r = llm.chat();

            assertEquals(200, r.status(), r.body());
            assertEquals("18", r.header("x-consumed-tokens"), "11 prompt + 7 completion");
            assertEquals("82", r.header("x-remaining-tokens"));
        }

        @Test
        void overTheRateIs429WithRetryAfterUntilTheMinuteRolls() throws Exception {
            llm = perSubscription().property("llm.token-limits.per-sub.tokens-per-minute", 40).start(dir);
            assertEquals(200, llm.chat().status());
            assertEquals(200, llm.chat().status());

            GatewayFixture.Response refused = llm.chat();

            assertEquals(429, refused.status());
            assertEquals("55", refused.header("retry-after"));
            assertEquals("token_limit_exceeded", refused.json().path("error").path("code").asText());
            assertEquals("Token limit is exceeded. Try again in 55 seconds.",
                    refused.json().path("error").path("message").asText());
            assertEquals(2, llm.fake().requestCount(), "the refused call never reached the backend");
            clock.advance(Duration.ofSeconds(55));
            assertEquals(200, llm.chat().status());
        }

        @Test
        void aStreamIsChargedTheUsageItReportsAtItsEnd() throws Exception {
            llm = perSubscription().property("llm.token-limits.per-sub.tokens-per-minute", 30).start(dir);

            GatewayFixture.Response streamed = llm.chat(STREAM, Map.of());

            assertEquals(200, streamed.status());
            assertFalse(streamed.body().contains("\"usage\""), "the caller did not ask for the usage chunk");
            // 18 tokens charged from the stream's usage: 12 left, less than the next prompt needs after one more call
            assertEquals(200, llm.chat().status());
            assertEquals(429, llm.chat().status());
        }

        @Test
        void anAnswerWithoutUsageFillsTheCounterWithItsEstimate() throws Exception {
            String reply = "The capital of France is Paris, on the Seine.";
            long prompt = new PromptTokenEstimator().estimate(new ObjectMapper().readTree(LlmGatewayFixture.CHAT),
                    "gpt-4o");
            long completion = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE)
                    .countTokensOrdinary(reply);
            // room for one call charged prompt + completion and not quite for a second prompt; charged 0, it would fit
            llm = perSubscription().property("llm.token-limits.per-sub.tokens-per-minute", 2 * prompt + completion - 1)
                    .start(dir);
            llm.fake().always(new FakeOpenAiBackend.Behaviour.Raw("{\"choices\":[{\"index\":0,\"message\":"
                    + "{\"role\":\"assistant\",\"content\":\"" + reply + "\"}}]}"));
            assertEquals(Long.toString(prompt + completion), llm.chat().header("x-consumed-tokens"));

            assertEquals(429, llm.chat().status());
            assertEquals(1, llm.fake().requestCount());
        }
    }

    @Nested
    class WithAQuota {

        @Test
        void overTheQuotaIs403InsufficientQuota() throws Exception {
            llm = perSubscription().property("llm.token-limits.per-sub.token-quota", 25)
                    .property("llm.token-limits.per-sub.token-quota-period", "Daily").start(dir);
            assertEquals(200, llm.chat().status());

            GatewayFixture.Response refused = llm.chat();

            assertEquals(403, refused.status());
            assertEquals(Long.toString(14 * 3600 - 5), refused.header("retry-after"));
            assertEquals("token_quota_exceeded", refused.json().path("error").path("code").asText());
            assertEquals("insufficient_quota", refused.json().path("error").path("type").asText());
        }
    }

    @Nested
    class ScopedToDeploymentsOrProducts {

        @Test
        void aLimitForOneDeploymentLeavesTheOthersAlone() throws Exception {
            llm = new LlmGatewayFixture().clock(clock)
                    .property("llm.token-limits.mini.counter-key", "{header:x-user}")
                    .property("llm.token-limits.mini.tokens-per-minute", 20)
                    .property("llm.token-limits.mini.deployments", "gpt-4o-mini").start(dir);
            String mini = LlmGatewayFixture.CHAT.replace("\"gpt-4o\"", "\"gpt-4o-mini\"");
            Map<String, String> ann = Map.of("x-user", "ann");
            assertEquals(200, llm.chat(mini, ann).status());
            assertEquals(200, llm.chat(mini, ann).status(), "admitted while below the limit: 18 < 20");

            assertEquals(429, llm.chat(mini, ann).status());
            assertEquals(200, llm.chat(mini, Map.of("x-user", "bob")).status(), "bob has a counter of his own");
            assertEquals(200, llm.chat(LlmGatewayFixture.CHAT, ann).status(), "gpt-4o has no limit");
        }

        @Test
        void aLimitForAnotherProductLeavesTheCallersOfThisOneAlone() throws Exception {
            llm = new LlmGatewayFixture().clock(clock)
                    .property("llm.token-limits.gold.counter-key", "{subscription}")
                    .property("llm.token-limits.gold.tokens-per-minute", 1)
                    .property("llm.token-limits.gold.products", "gold").start(dir);

            for (int i = 0; i < 3; i++) {
                assertEquals(200, llm.chat().status(), "team-a is a starter subscription");
            }
        }
    }

    @Nested
    class AtStartUp {

        @Test
        void aLimitWithoutALimitStopsTheStartNamingIt() {
            llm = new LlmGatewayFixture().property("llm.token-limits.broken.counter-key", "{subscription}");

            String m = failure(() -> llm.start(dir));

            assertTrue(m.contains("llm.token-limits.broken: llm-token-limit needs tokens-per-minute or token-quota"),
                    m);
        }

        @Test
        void anUnknownPlaceholderStopsTheStartNamingIt() {
            llm = new LlmGatewayFixture().property("llm.token-limits.typo.counter-key", "{user}")
                    .property("llm.token-limits.typo.tokens-per-minute", 10);

            String m = failure(() -> llm.start(dir));

            assertTrue(m.contains("llm.token-limits.typo: counter-key '{user}' has an unknown placeholder"), m);
        }

        private static String failure(org.junit.jupiter.api.function.Executable start) {
            RuntimeException e = assertThrows(RuntimeException.class, start);
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            return all.toString();
        }
    }
}
