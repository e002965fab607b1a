package dev.mcpgateway.llm.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Metering, metrics and the cache, seen through the proxy's HTTP routes (limits are policies: the gateway's). */
class BudgetThroughHttpTest {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    private static final String STREAM = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    private ProxyFixture proxy;

    @AfterEach
    void stop() {
        proxy.close();
    }

    private HttpResponse<String> call(String body) throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions", body).header("api-key", ProxyFixture.KEY));
    }

    @Nested
    class WhenStreaming {

        @Test
        void usageIsRequestedUpstreamAndStrippedFromTheCaller() throws Exception {
            proxy = new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o").start();

            HttpResponse<String> streamed = call(STREAM);

            assertEquals(200, streamed.statusCode());
            assertTrue(proxy.fake("b").received().getFirst().json().path("stream_options").path("include_usage").asBoolean());
            assertFalse(streamed.body().contains("\"usage\""), "the caller did not ask for the usage chunk");
            assertTrue(streamed.body().endsWith("data: [DONE]\n\n"));
        }

        @Test
        void aCallerThatAskedForUsageStillGetsIt() throws Exception {
            proxy = new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o").start();

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
