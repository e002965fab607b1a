package dev.mcpgateway.llm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.usage.Usage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TokenMetrics metrics = new TokenMetrics(registry, new CustomDimensions(1000));
    private final TokenMetricDimensions alice = new TokenMetricDimensions("chat-api", "chat.completions",
            "gpt-4o", "gold", "sub-1", "alice", "ptu-east", "192.0.2.7", Map.of("team", "search"));
    private final TokenMetricDimensions bob = new TokenMetricDimensions("chat-api", "chat.completions",
            "gpt-4o", "gold", "sub-2", "bob", "ptu-east", "192.0.2.8", Map.of("env", "prod"));

    @Test
    void countsEveryTokenKindWithTheContractDimensions() {
        metrics.recordUsage(bob, new Usage(1, 1, 2, 0, 0));
        metrics.recordUsage(alice, new Usage(100, 20, 120, 64, 8));
        metrics.recordUsage(alice, new Usage(50, 10, 60, 0, 0));

        String labels = "api=\"chat-api\",backend=\"ptu-east\",client_ip=\"192.0.2.7\",env=\"none\","
                + "gen_ai_request_model=\"gpt-4o\",operation=\"chat.completions\",product=\"gold\","
                + "subscription=\"sub-1\",team=\"search\",user=\"alice\"";
        String scrape = registry.scrape();
        assertTrue(scrape.contains("llm_tokens_prompt_tokens_total{" + labels + "} 150.0"), scrape);
        assertTrue(scrape.contains("llm_tokens_completion_tokens_total{" + labels + "} 30.0"), scrape);
        assertTrue(scrape.contains("llm_tokens_total_tokens_total{" + labels + "} 180.0"), scrape);
        assertTrue(scrape.contains("llm_tokens_cached_tokens_total{" + labels + "} 64.0"), scrape);
        assertTrue(scrape.contains("llm_tokens_reasoning_tokens_total{" + labels + "} 8.0"), scrape);
    }

    @Test
    void recordsTheOpenTelemetryGenAiTokenUsageHistogramByTokenType() {
        metrics.recordUsage(alice, new Usage(100, 20, 120, 0, 0));

        String scrape = registry.scrape();
        assertTrue(scrape.contains("gen_ai_client_token_usage_count{"), scrape);
        assertTrue(scrape.matches("(?s).*gen_ai_client_token_usage_sum\\{[^}]*gen_ai_token_type=\"input\"[^}]*} 100\\.0.*"),
                scrape);
        assertTrue(scrape.matches("(?s).*gen_ai_client_token_usage_bucket\\{[^}]*gen_ai_token_type=\"output\"[^}]*le=\"64\\.0\"} 1.*"),
                scrape);
    }

    @Test
    void recordsDurationsTimeToFirstTokenAndAddedLatencyAsHistograms() {
        metrics.recordRequestDuration(alice, Duration.ofMillis(850));
        metrics.recordTimeToFirstToken(alice, Duration.ofMillis(120));
        metrics.recordAddedLatency(alice, Duration.ofNanos(400_000));

        String scrape = registry.scrape();
        assertTrue(scrape.contains("gen_ai_server_request_duration_seconds_bucket{"), scrape);
        assertTrue(scrape.contains("gen_ai_server_time_to_first_token_seconds_bucket{"), scrape);
        assertTrue(scrape.matches("(?s).*llm_gateway_added_latency_seconds_bucket\\{[^}]*le=\"0\\.001\"} 1.*"), scrape);
    }

    @Test
    void tellsPolicyRateLimitingFromProviderRateLimiting() {
        metrics.policyRateLimited(alice);
        metrics.policyRateLimited(alice);
        metrics.providerRateLimited(alice.withBackend("paygo-west"));

        assertEquals(2.0, registry.get("llm.policy_rate_limited").counter().count());
        assertEquals(1.0, registry.get("llm.provider_rate_limited").tag("backend", "paygo-west").counter().count());
    }

    @Test
    void aCustomDimensionSeenForTheFirstTimeBecomesALabelOfEverySeries() {
        metrics.recordUsage(alice, new Usage(100, 20, 120, 0, 0));
        metrics.recordAddedLatency(alice, Duration.ofMillis(1));

        metrics.recordUsage(bob, new Usage(1, 1, 2, 0, 0));

        String scrape = registry.scrape();
        List<String> series = scrape.lines().filter(l -> l.startsWith("llm_tokens_total_tokens_total{")
                || l.startsWith("llm_gateway_added_latency_seconds_count{")).toList();
        assertFalse(series.isEmpty(), scrape);
        series.forEach(line -> assertTrue(line.contains("env=") && line.contains("team="), line));
        assertTrue(scrape.contains("env=\"prod\""), scrape);
    }

    @Test
    void aPolicysLabelsValueTheCallsDimensionsWithinTheBounds() {
        TokenMetricDimensions valued = metrics.withPolicyLabels(alice, Map.of("user", "carol", "tier",
                "x".repeat(500)));

        assertEquals("carol", valued.user());
        assertEquals(CustomDimensions.MAX_VALUE_LENGTH, valued.custom().get("tier").length());
        assertEquals("search", valued.custom().get("team"));
    }
}
