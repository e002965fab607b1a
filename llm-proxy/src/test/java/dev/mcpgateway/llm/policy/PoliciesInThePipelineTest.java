package dev.mcpgateway.llm.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.api.Operation;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The points where the proxy runs an embedding application's policies: inbound after the caller and the route are
 * known (a refusal is the OpenAI error envelope, an answer replaces the backend's), headers on the response, a retry
 * of the backend call, and one completion per call with its status and tokens, streams and retries included.
 */
class PoliciesInThePipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    private static final String STREAM = CHAT.replace("{\"model\"", "{\"stream\":true,\"model\"");
    private final ScriptedPolicies policies = new ScriptedPolicies();
    private ProxyFixture proxy;

    @AfterEach
    void stop() {
        proxy.close();
    }

    private void start() throws Exception {
        proxy = new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o").policies(policies).start();
    }

    private HttpResponse<String> call(String body) throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions?tier=gold", body)
                .header("api-key", ProxyFixture.KEY));
    }

    @Nested
    class WhenTheyRefuse {

        @Test
        void theCallerGetsTheOpenAiErrorEnvelopeWithTheRefusalsStatusCodeMessageAndHeaders() throws Exception {
            start();
            policies.decide(new InboundDecision.Refuse(429, "token_limit_exceeded",
                    "Token limit is exceeded. Try again in 30 seconds.", Map.of("Retry-After", "30",
                    "x-remaining-tokens", "0")));

            HttpResponse<String> refused = call(CHAT);

            assertEquals(429, refused.statusCode());
            JsonNode error = JSON.readTree(refused.body()).path("error");
            assertEquals("token_limit_exceeded", error.path("code").asText());
            assertEquals("rate_limit_error", error.path("type").asText());
            assertEquals("Token limit is exceeded. Try again in 30 seconds.", error.path("message").asText());
            assertEquals("30", refused.headers().firstValue("retry-after").orElseThrow());
            assertEquals("0", refused.headers().firstValue("x-remaining-tokens").orElseThrow());
            assertEquals(0, proxy.fake("b").requestCount(), "a refused call never reaches the backend");
            assertEquals(List.of(new ScriptedPolicies.Completion(429, 0)), policies.completions());
        }

        @Test
        void aSpentQuotaIsInsufficientQuota() throws Exception {
            start();
            policies.decide(new InboundDecision.Refuse(403, "token_quota_exceeded", "Token quota is exceeded.",
                    Map.of()));

            HttpResponse<String> refused = call(CHAT);

            assertEquals(403, refused.statusCode());
            assertEquals("insufficient_quota", JSON.readTree(refused.body()).path("error").path("type").asText());
        }
    }

    @Nested
    class WhenTheyAnswer {

        @Test
        void theirResponseIsTheCallersInPlaceOfTheBackends() throws Exception {
            start();
            policies.header("x-policy", "set").decide(new InboundDecision.Respond(418,
                    Map.of("Content-Type", List.of("text/plain"), "x-answered-by", List.of("policy")), "no tea"));

            HttpResponse<String> answered = call(CHAT);

            assertEquals(418, answered.statusCode());
            assertEquals("no tea", answered.body());
            assertEquals("policy", answered.headers().firstValue("x-answered-by").orElseThrow());
            assertTrue(answered.headers().firstValue("content-type").orElseThrow().startsWith("text/plain"));
            assertEquals("set", answered.headers().firstValue("x-policy").orElseThrow());
            assertEquals(0, proxy.fake("b").requestCount());
            assertEquals(List.of(new ScriptedPolicies.Completion(418, 0)), policies.completions());
        }
    }

    @Nested
    class WhenTheyLetTheCallThrough {

        @Test
        void theyAreAskedWithWhatTheProxyKnowsOfTheCall() throws Exception {
            start();

            call(CHAT);

            LlmCall asked = policies.calls().getFirst();
            assertEquals(Operation.CHAT_COMPLETIONS, asked.operation());
            assertEquals("ChatCompletions_Create", asked.operation().id());
            assertEquals("gpt-4o", asked.deployment());
            assertEquals("team-a", asked.consumer().subscriptionId());
            assertEquals("starter", asked.consumer().productId());
            assertEquals(ProxyFixture.KEY, asked.subscriptionKey());
            assertEquals("gold", asked.request().getParameters().get("tier"));
            assertFalse(asked.stream());
            assertTrue(asked.promptTokens().getAsLong() > 0, "the estimate is counted when asked for");
        }

        @Test
        void aWholeAnswerCarriesTheirHeadersIncludingTheOnesSetAtCompletion() throws Exception {
            start();
            policies.header("x-remaining-tokens", "82").tokensHeader("x-consumed-tokens");

            HttpResponse<String> answer = call(CHAT);

            assertEquals(200, answer.statusCode());
            assertEquals("82", answer.headers().firstValue("x-remaining-tokens").orElseThrow());
            assertEquals("18", answer.headers().firstValue("x-consumed-tokens").orElseThrow(), "11 prompt + 7");
            assertEquals(List.of(new ScriptedPolicies.Completion(200, 18)), policies.completions());
        }

        @Test
        void aStreamCarriesTheHeadersKnownBeforeItsFirstByteAndCompletesWithItsUsageWhenItEnds() throws Exception {
            start();
            policies.header("x-remaining-tokens", "82").tokensHeader("x-consumed-tokens");

            HttpResponse<String> streamed = call(STREAM);

            assertEquals(200, streamed.statusCode());
            assertEquals("82", streamed.headers().firstValue("x-remaining-tokens").orElseThrow());
            assertNull(streamed.headers().firstValue("x-consumed-tokens").orElse(null), "known only at the end");
            assertTrue(policies.calls().getFirst().stream());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (policies.completions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of(new ScriptedPolicies.Completion(200, 18)), policies.completions());
        }

        @Test
        void theMetricLabelsTheyGiveValueTheTokenMetrics() throws Exception {
            start();
            policies.labels(Map.of("user", "from-policy", "team", "search"));

            call(CHAT);

            String scrape = ProxyHttp.send(HttpRequest.newBuilder(proxy.uri().resolve("/metrics")).GET()).body();
            assertTrue(scrape.lines().anyMatch(l -> l.startsWith("llm_tokens_total_tokens_total{")
                    && l.contains("user=\"from-policy\"") && l.contains("team=\"search\"")), scrape);
        }
    }

    @Nested
    class WhenTheyRetry {

        /** Retry-After: 0, so that the backend's breaker (which honours it) lets the next attempt through at once. */
        private static final FakeOpenAiBackend.Behaviour THROTTLED = FakeOpenAiBackend.tooManyRequests(0);

        @Test
        void theCallIsSentAgainAndCompletesOnceWithTheAnswerKept() throws Exception {
            start();
            policies.retryWhile(status -> status == 429, 3, Duration.ZERO);
            proxy.fake("b").thenRespond(THROTTLED);

            HttpResponse<String> answer = call(CHAT);

            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(2, proxy.fake("b").requestCount());
            assertEquals(List.of(429, 200), policies.attempts());
            assertEquals(List.of(new ScriptedPolicies.Completion(200, 18)), policies.completions());
        }

        @Test
        void aStreamIsSentAgainBeforeItsFirstByteReachesTheCaller() throws Exception {
            start();
            policies.retryWhile(status -> status == 429, 3, Duration.ZERO);
            proxy.fake("b").thenRespond(THROTTLED);

            HttpResponse<String> streamed = call(STREAM);

            assertEquals(200, streamed.statusCode());
            assertTrue(streamed.body().startsWith("data: "), streamed.body());
            assertFalse(streamed.body().contains("Rate limit reached"), streamed.body());
            assertEquals(2, proxy.fake("b").requestCount());
        }

        @Test
        void theWaitsPassAndTheCallerGetsTheLastAnswerWhenTheRetriesAreSpent() throws Exception {
            start();
            policies.retryWhile(status -> status == 429, 2, Duration.ofMillis(200));
            proxy.fake("b").always(THROTTLED);
            long started = System.nanoTime();

            HttpResponse<String> answer = call(CHAT);

            assertEquals(429, answer.statusCode());
            assertTrue(System.nanoTime() - started >= 400_000_000L, "two waits of 200 ms");
            assertEquals(3, proxy.fake("b").requestCount());
            assertEquals(List.of(new ScriptedPolicies.Completion(429, 0)), policies.completions());
        }
    }
}
