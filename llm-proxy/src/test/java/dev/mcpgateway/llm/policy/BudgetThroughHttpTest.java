package dev.mcpgateway.llm.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import dev.mcpgateway.testsupport.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** llm-budget's limits, metering, metrics and cache, seen through the proxy's HTTP routes. */
class BudgetThroughHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    private static final String STREAM = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T10:00:05Z"));
    private ProxyFixture proxy;

    @AfterEach
    void stop() {
        proxy.close();
    }

    private HttpResponse<String> call(String body) throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions", body).header("api-key", ProxyFixture.KEY));
    }

    private ProxyFixture limited() throws Exception {
        return new ProxyFixture().clock(clock).backend("b", "azure-openai")
                .route("b", "gpt-4o")
                .property("llm.token-limits.per-sub.counter-key", "{subscription}")
                .property("llm.token-limits.per-sub.estimate-prompt-tokens", true)
                .property("llm.token-limits.per-sub.remaining-tokens-header-name", "x-remaining-tokens")
                .property("llm.token-limits.per-sub.tokens-consumed-header-name", "x-consumed-tokens");
    }

    @Nested
    class WithATokensPerMinuteLimit {

        @Test
        void callsBelowTheLimitPassWithRemainingAndConsumedHeaders() throws Exception {
            proxy = limited().property("llm.token-limits.per-sub.tokens-per-minute", 100).start();

            HttpResponse<String> r = call(CHAT);

            assertEquals(200, r.statusCode());
            assertEquals("18", r.headers().firstValue("x-consumed-tokens").orElseThrow(), "11 prompt + 7 completion");
            assertEquals("82", r.headers().firstValue("x-remaining-tokens").orElseThrow());
        }

        @Test
        void overTheRateIs429WithRetryAfterUntilTheMinuteRolls() throws Exception {
            proxy = limited().property("llm.token-limits.per-sub.tokens-per-minute", 40).start();
            assertEquals(200, call(CHAT).statusCode());
            assertEquals(200, call(CHAT).statusCode());

            HttpResponse<String> refused = call(CHAT);

            assertEquals(429, refused.statusCode());
            assertEquals("55", refused.headers().firstValue("retry-after").orElseThrow());
            assertEquals("token_limit_exceeded", JSON.readTree(refused.body()).path("error").path("code").asText());
            assertEquals(2, proxy.fake("b").requestCount(), "the refused call never reached the backend");
            clock.advance(Duration.ofSeconds(55));
            assertEquals(200, call(CHAT).statusCode());
        }
    }

    @Nested
    class WithAQuota {

        @Test
        void overTheQuotaIs403() throws Exception {
            proxy = limited().property("llm.token-limits.per-sub.token-quota", 25)
                    .property("llm.token-limits.per-sub.token-quota-period", "Daily").start();
            assertEquals(200, call(CHAT).statusCode());

            HttpResponse<String> refused = call(CHAT);

            assertEquals(403, refused.statusCode());
            assertTrue(refused.headers().firstValue("retry-after").isPresent());
            assertEquals("token_quota_exceeded", JSON.readTree(refused.body()).path("error").path("code").asText());
        }
    }

    @Nested
    class WhenStreaming {

        @Test
        void usageIsRequestedUpstreamStrippedFromTheCallerAndCharged() throws Exception {
            proxy = limited().property("llm.token-limits.per-sub.tokens-per-minute", 30).start();

            HttpResponse<String> streamed = call(STREAM);

            assertEquals(200, streamed.statusCode());
            assertTrue(proxy.fake("b").received().getFirst().json().path("stream_options").path("include_usage").asBoolean());
            assertFalse(streamed.body().contains("\"usage\""), "the caller did not ask for the usage chunk");
            assertTrue(streamed.body().endsWith("data: [DONE]\n\n"));
            // 18 tokens charged from the stream's usage: 12 left, less than the next prompt needs
            HttpResponse<String> next = call(CHAT);
            assertEquals(200, next.statusCode());
            assertEquals(429, call(CHAT).statusCode());
        }

        @Test
        void aCallerThatAskedForUsageStillGetsIt() throws Exception {
            proxy = limited().property("llm.token-limits.per-sub.tokens-per-minute", 1000).start();

            HttpResponse<String> streamed = call(STREAM.replace("\"stream\":true", "\"stream\":true,\"stream_options\":{\"include_usage\":true}"));

            assertTrue(streamed.body().contains("\"usage\":{\"prompt_tokens\":11"), streamed.body());
        }
    }

    @Nested
    class Metrics {

        @Test
        void tokensAndAddedLatencyAreExposedForPrometheus() throws Exception {
            proxy = new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o").start();
            call(CHAT);
            call(STREAM);

            // a stream is settled and measured when it ends, which may be just after the caller has read the last byte
            String scrape = scrapeUntil("gen_ai_server_time_to_first_token_seconds_count{");

            assertTrue(scrape.contains("llm_tokens_total_tokens_total{"), scrape);
            assertTrue(scrape.contains("subscription=\"team-a\""));
            assertTrue(scrape.contains("backend=\"b\""));
            assertTrue(scrape.contains("llm_gateway_added_latency_seconds_count{"));
            assertTrue(scrape.contains("gen_ai_server_time_to_first_token_seconds_count{"));
        }

        private String scrapeUntil(String series) throws Exception {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            String scrape;
            do {
                scrape = ProxyHttp.send(java.net.http.HttpRequest.newBuilder(proxy.uri().resolve("/metrics")).GET()).body();
            } while (!scrape.contains(series) && System.nanoTime() < deadline && sleep());
            return scrape;
        }

        private boolean sleep() throws InterruptedException {
            Thread.sleep(20);
            return true;
        }
    }

    @Nested
    class WithTheExactCache {

        @Test
        void aRepeatedCallIsServedFromTheCacheAndAnErrorIsNeverCached() throws Exception {
            proxy = new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o")
                    .property("llm.cache.enabled", true).property("llm.retry-count", 0).start();
            proxy.fake("b").thenRespond(FakeOpenAiBackend.serverError());
            assertEquals(500, call(CHAT).statusCode());
            proxy.context().getBean(dev.mcpgateway.llm.backend.BackendRegistry.class).breaker("b").reset();

            HttpResponse<String> first = call(CHAT);
            HttpResponse<String> second = call(CHAT);

            assertEquals(200, first.statusCode());
            assertEquals(first.body(), second.body());
            assertEquals("HIT", second.headers().firstValue("x-cache").orElseThrow());
            assertEquals(2, proxy.fake("b").requestCount());
            assertEquals(200, call(CHAT.replace("hello there", "something else")).statusCode());
            assertEquals(3, proxy.fake("b").requestCount(), "a different prompt is a miss");
        }
    }
}
