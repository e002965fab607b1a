package dev.mcpgateway.gateway.policy.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.fixtures.LlmGatewayFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom metric dimensions configured as {@code llm.metrics.dimensions.<name>: <template>}, as before there were
 * policy documents: an llm-emit-token-metric policy on every call, seen on {@code /metrics} after real calls.
 */
class ConfiguredMetricDimensionsTest {

    @TempDir
    Path dir;
    private LlmGatewayFixture llm;

    @AfterEach
    void stop() {
        llm.close();
    }

    private LlmGatewayFixture withDimensions() {
        return new LlmGatewayFixture()
                .property("llm.metrics.dimensions.team", "{header:x-team}")
                .property("llm.metrics.dimensions.scope", "{subscription}/{header:x-env}");
    }

    private void call(String team, String env) throws Exception {
        Map<String, String> headers = new HashMap<>();
        if (team != null) {
            headers.put("x-team", team);
        }
        if (env != null) {
            headers.put("x-env", env);
        }
        assertEquals(200, llm.chat(LlmGatewayFixture.CHAT, headers).status());
    }

    @Nested
    class AfterRealCalls {

        @Test
        void theLabelCarriesTheTemplatesValuePerCall() throws Exception {
            llm = withDimensions().start(dir);
            call("search", "prod");
            call("search", "prod");
            call("ads", "staging");

            List<String> totals = llm.series("llm_tokens_total_tokens_total");

            assertTrue(totals.stream().anyMatch(l -> l.contains("team=\"search\"") && l.contains("scope=\"team-a/prod\"")
                    && l.endsWith(" 36.0")), totals.toString());
            assertTrue(totals.stream().anyMatch(l -> l.contains("team=\"ads\"") && l.contains("scope=\"team-a/staging\"")
                    && l.endsWith(" 18.0")), totals.toString());
        }

        @Test
        void anAbsentValueIsNoneOnEverySeriesAndEveryMetricHasTheLabels() throws Exception {
            llm = withDimensions().start(dir);
            call(null, null);

            for (String metric : List.of("llm_tokens_total_tokens_total", "gen_ai_client_token_usage_count",
                    "gen_ai_server_request_duration_seconds_count", "llm_gateway_added_latency_seconds_count")) {
                List<String> lines = llm.series(metric);
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

        private String failure(LlmGatewayFixture fixture) {
            llm = fixture;
            RuntimeException e = assertThrows(RuntimeException.class, () -> fixture.start(dir));
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            return all.toString();
        }

        @Test
        void aSixthDimensionFailsNamingTheKey() {
            LlmGatewayFixture fixture = new LlmGatewayFixture();
            for (int i = 0; i < 6; i++) {
                fixture.property("llm.metrics.dimensions.d" + i, "{header:x-" + i + "}");
            }
            String m = failure(fixture);
            assertTrue(m.contains("llm.metrics.dimensions: at most 5"), m);
        }

        @Test
        void aBadTemplateFailsNamingTheKey() {
            String m = failure(new LlmGatewayFixture().property("llm.metrics.dimensions.team", "{header-x-team}"));
            assertTrue(m.contains("llm.metrics.dimensions.team: "), m);
        }
    }
}
