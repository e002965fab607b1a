package dev.mcpgateway.llm.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.breaker.BreakerRule;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import dev.mcpgateway.testsupport.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A pool of real fake backends behind the proxy, with the breakers on a clock the test moves. */
class FailoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ManualClock clock = new ManualClock("2026-01-01T00:00:00Z");
    private ProxyFixture proxy;

    @AfterEach
    void stop() {
        proxy.close();
    }

    private HttpResponse<String> call() throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").header("api-key", ProxyFixture.KEY));
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error");
    }

    /** ptu (priority 1) in front of paygo (priority 2). */
    private void priorityPool(int breakerFailureCount) throws Exception {
        proxy = new ProxyFixture().clock(clock)
                .backend("ptu", "azure-openai").backend("paygo", "azure-openai")
                .pool(new Pool("gpt", List.of(new Pool.Member("ptu", 1, 1), new Pool.Member("paygo", 1, 2)),
                        Pool.Affinity.NONE, null))
                .route("gpt", "gpt-4o")
                .breaker("ptu", new BreakerRule(breakerFailureCount, 0, 1, null, null, null, Duration.ofSeconds(30),
                        true, Duration.ofMinutes(2)))
                .start();
    }

    @Nested
    class WithPriorityGroups {

        @Test
        void theLowerGroupGetsNothingWhileTheHigherIsHealthy() throws Exception {
            priorityPool(1);
            for (int i = 0; i < 5; i++) {
                assertEquals(200, call().statusCode());
            }
            assertEquals(5, proxy.fake("ptu").requestCount());
            assertEquals(0, proxy.fake("paygo").requestCount());
        }

        @Test
        void aThrottledHigherGroupThatTripsSpillsTheSameRequestToTheLowerGroup() throws Exception {
            priorityPool(1);
            proxy.fake("ptu").thenRespond(FakeOpenAiBackend.tooManyRequests(20));

            HttpResponse<String> response = call();

            assertEquals(200, response.statusCode());
            assertEquals("paygo", response.headers().firstValue("x-fake-backend").orElseThrow());
        }

        @Test
        void aThrottledHigherGroupThatDidNotTripDoesNotSpill() throws Exception {
            priorityPool(3);
            proxy.fake("ptu").thenRespond(FakeOpenAiBackend.tooManyRequests(20));

            HttpResponse<String> response = call();

            assertEquals(429, response.statusCode(), "the backend's own 429 is returned");
            assertEquals("20", response.headers().firstValue("retry-after").orElseThrow());
            assertEquals(0, proxy.fake("paygo").requestCount());
        }

        @Test
        void noTrafficReachesATrippedBackendUntilItsRetryAfterPassesThenAProbeRecoversIt() throws Exception {
            priorityPool(1);
            proxy.fake("ptu").thenRespond(FakeOpenAiBackend.tooManyRequests(45));
            call();
            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofSeconds(10));
                assertEquals("paygo", call().headers().firstValue("x-fake-backend").orElseThrow());
            }
            assertEquals(1, proxy.fake("ptu").requestCount(), "nothing for 40 s of a 45 s Retry-After");

            clock.advance(Duration.ofSeconds(5));
            assertEquals("ptu", call().headers().firstValue("x-fake-backend").orElseThrow(), "the half-open probe");
            assertEquals("ptu", call().headers().firstValue("x-fake-backend").orElseThrow(), "closed again");
        }

        @Test
        void aRetryAfterOfADayIsCapped() throws Exception {
            priorityPool(1);
            proxy.fake("ptu").thenRespond(FakeOpenAiBackend.tooManyRequests(86_400));
            call();
            clock.advance(Duration.ofSeconds(119));
            assertEquals("paygo", call().headers().firstValue("x-fake-backend").orElseThrow());
            clock.advance(Duration.ofSeconds(1));
            assertEquals("ptu", call().headers().firstValue("x-fake-backend").orElseThrow());
        }

        @Test
        void aFailedProbeKeepsTheBackendTripped() throws Exception {
            priorityPool(1);
            proxy.fake("ptu").thenRespond(FakeOpenAiBackend.serverError(), FakeOpenAiBackend.serverError());
            call();
            clock.advance(Duration.ofSeconds(30));
            assertEquals("paygo", call().headers().firstValue("x-fake-backend").orElseThrow(), "probe failed, retried on paygo");
            assertEquals(2, proxy.fake("ptu").requestCount());
            clock.advance(Duration.ofSeconds(29));
            call();
            assertEquals(2, proxy.fake("ptu").requestCount());
        }
    }

    @Nested
    class WhenEveryBackendFails {

        @Test
        void theLastUpstreamErrorIsReturnedThenEveryTrippedCallGets503() throws Exception {
            proxy = new ProxyFixture().clock(clock)
                    .backend("a", "azure-openai").backend("b", "openai")
                    .pool(new Pool("gpt", List.of(new Pool.Member("a", 1, 1), new Pool.Member("b", 1, 1)),
                            Pool.Affinity.NONE, null))
                    .route("gpt", "gpt-4o")
                    .start();
            proxy.fake("a").always(FakeOpenAiBackend.serverError());
            proxy.fake("b").always(FakeOpenAiBackend.serverError());

            assertEquals(500, call().statusCode());
            HttpResponse<String> tripped = call();

            assertEquals(503, tripped.statusCode());
            assertEquals("no_backend_available", error(tripped).path("code").asText());
            assertEquals(1, proxy.fake("a").requestCount());
            assertEquals(1, proxy.fake("b").requestCount());
        }
    }

    @Nested
    class WhenABackendMisbehaves {

        private void twoBackends() throws Exception {
            proxy = new ProxyFixture().clock(clock)
                    .backend("a", "azure-openai").backend("b", "azure-openai")
                    .pool(new Pool("gpt", List.of(new Pool.Member("a", 1, 1), new Pool.Member("b", 1, 2)),
                            Pool.Affinity.NONE, null))
                    .route("gpt", "gpt-4o")
                    .timeout("a", Duration.ofMillis(500))
                    .start();
        }

        @Test
        void aHangingBackendTimesOutAndTheNextOneAnswers() throws Exception {
            twoBackends();
            proxy.fake("a").thenRespond(new FakeOpenAiBackend.Behaviour.Hang());

            HttpResponse<String> response = call();

            assertEquals(200, response.statusCode());
            assertEquals("b", response.headers().firstValue("x-fake-backend").orElseThrow());
        }

        @Test
        void aNonJsonAnswerIsNeverRelayedAndTheNextBackendAnswers() throws Exception {
            twoBackends();
            proxy.fake("a").thenRespond(new FakeOpenAiBackend.Behaviour.NonJson());

            HttpResponse<String> response = call();

            assertEquals(200, response.statusCode());
            assertEquals("b", response.headers().firstValue("x-fake-backend").orElseThrow());
        }

        @Test
        void aLoneBackendAnsweringNonJsonIsAClear502() throws Exception {
            proxy = new ProxyFixture().backend("a", "azure-openai").route("a", "gpt-4o").start();
            proxy.fake("a").thenRespond(new FakeOpenAiBackend.Behaviour.NonJson());

            HttpResponse<String> response = call();

            assertEquals(502, response.statusCode());
            assertEquals("bad_gateway", error(response).path("code").asText());
            assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
            proxy.context().getBean(dev.mcpgateway.llm.backend.BackendRegistry.class).breaker("a").reset();
            assertEquals(200, call().statusCode(), "the proxy is unaffected");
        }

        @Test
        void aNonStandardUpstreamStatusIsRelayedAsIs() throws Exception {
            proxy = new ProxyFixture().backend("a", "azure-openai").route("a", "gpt-4o").start();
            proxy.fake("a").always(new FakeOpenAiBackend.Behaviour.Status(529, "3",
                    "{\"error\":{\"message\":\"Overloaded\",\"type\":\"overloaded_error\",\"param\":null,\"code\":null}}"));

            HttpResponse<String> response = call();

            assertEquals(529, response.statusCode());
            assertEquals("overloaded_error", error(response).path("type").asText());
        }

        @Test
        void anAnswerOverTheResponseCapIsA502() throws Exception {
            proxy = new ProxyFixture().backend("a", "azure-openai").route("a", "gpt-4o")
                    .property("llm.max-response-bytes", 1024).start();
            proxy.fake("a").thenRespond(new FakeOpenAiBackend.Behaviour.Raw("{\"pad\":\"" + "x".repeat(5000) + "\"}"));

            HttpResponse<String> response = call();

            assertEquals(502, response.statusCode());
            assertTrue(error(response).path("message").asText().contains("size limit"));
        }

        @Test
        void aStreamThatStallsIsAbandonedAfterTheBackendTimeout() throws Exception {
            proxy = new ProxyFixture().backend("a", "azure-openai").route("a", "gpt-4o")
                    .timeout("a", Duration.ofMillis(500)).start();
            java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
            proxy.fake("a").thenRespond(new FakeOpenAiBackend.Behaviour.GatedStream(never));
            try {
                HttpResponse<String> stalled = ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions",
                        "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}").header("api-key", ProxyFixture.KEY));
                assertTrue(!stalled.body().contains("[DONE]"), "the stalled stream is ended, not completed");
            } catch (java.io.IOException expected) {
                // the caller saw the stream end abruptly: also correct
            } finally {
                never.countDown();
            }
            assertEquals(200, call().statusCode());
        }

        @Test
        void aCutStreamEndsTheCallersStreamAndTheProxyKeepsServing() throws Exception {
            proxy = new ProxyFixture().backend("a", "azure-openai").route("a", "gpt-4o").start();
            proxy.fake("a").thenRespond(new FakeOpenAiBackend.Behaviour.CutStream(2));

            HttpResponse<String> cut;
            try {
                cut = ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions",
                        "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}").header("api-key", ProxyFixture.KEY));
                assertTrue(!cut.body().contains("[DONE]"), "a truncated stream is not passed off as complete");
            } catch (java.io.IOException expected) {
                // the caller saw the stream break: also correct
            }
            assertEquals(200, call().statusCode());
        }
    }
}
