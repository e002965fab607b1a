package dev.mcpgateway.llm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Custom dimensions declared as expressions, seen on {@code /metrics} after real calls through the proxy. */
class CustomMetricDimensionsThroughHttpTest {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private ProxyFixture proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private ProxyFixture withDimensions() throws Exception {
        return new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o")
                .property("llm.metrics.dimensions.team", "{header:x-team}")
                .property("llm.metrics.dimensions.scope", "{subscription}/{header:x-env}");
    }

    private void call(String team, String env) throws Exception {
        HttpRequest.Builder request = ProxyHttp.post(proxy.uri(), "/v1/chat/completions", CHAT)
                .header("api-key", ProxyFixture.KEY);
        if (team != null) {
            request.header("x-team", team);
        }
        if (env != null) {
            request.header("x-env", env);
        }
        assertEquals(200, ProxyHttp.send(request).statusCode());
    }

    private List<String> series(String metric) throws Exception {
        String scrape = ProxyHttp.send(HttpRequest.newBuilder(proxy.uri().resolve("/metrics")).GET()).body();
        return scrape.lines().filter(l -> l.startsWith(metric + "{")).toList();
    }

    @Nested
    class AfterRealCalls {

        @Test
        void theLabelCarriesTheExpressionsValuePerCall() throws Exception {
            proxy = withDimensions().start();
            call("search", "prod");
            call("search", "prod");
            call("ads", "staging");

            List<String> totals = series("llm_tokens_total_tokens_total");

            assertTrue(totals.stream().anyMatch(l -> l.contains("team=\"search\"") && l.contains("scope=\"team-a/prod\"")
                    && l.endsWith(" 36.0")), totals.toString());
            assertTrue(totals.stream().anyMatch(l -> l.contains("team=\"ads\"") && l.contains("scope=\"team-a/staging\"")
                    && l.endsWith(" 18.0")), totals.toString());
        }

        @Test
        void anAbsentValueIsNoneOnEverySeriesAndEveryMetricHasTheLabels() throws Exception {
            proxy = withDimensions().start();
            call(null, null);

            for (String metric : List.of("llm_tokens_total_tokens_total", "gen_ai_client_token_usage_count",
                    "gen_ai_server_request_duration_seconds_count", "llm_gateway_added_latency_seconds_count")) {
                List<String> lines = series(metric);
                assertFalse(lines.isEmpty(), metric);
                for (String line : lines) {
                    assertTrue(line.contains("team=\"none\""), line);
                    // a combination keeps what it has: the subscription and the separator
                    assertTrue(line.contains("scope=\"team-a/\""), line);
                }
            }
        }
    }

    @Nested
    class AtStartUp {

        private String failure(ProxyFixture fixture) {
            RuntimeException e = assertThrows(RuntimeException.class, fixture::start);
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            fixture.close();
            return all.toString();
        }

        @Test
        void aSixthDimensionFailsNamingTheKey() throws Exception {
            ProxyFixture fixture = new ProxyFixture();
            for (int i = 0; i < 6; i++) {
                fixture.property("llm.metrics.dimensions.d" + i, "{header:x-" + i + "}");
            }
            assertTrue(failure(fixture).contains("llm.metrics.dimensions: at most 5"));
        }

        @Test
        void aBadExpressionFailsNamingTheKey() {
            String m = failure(new ProxyFixture().property("llm.metrics.dimensions.team", "{header-x-team}"));
            assertTrue(m.contains("llm.metrics.dimensions.team: "), m);
        }
    }
}
