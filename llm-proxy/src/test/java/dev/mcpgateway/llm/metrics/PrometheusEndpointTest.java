package dev.mcpgateway.llm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.usage.Usage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} answers in the Prometheus text format from a running Micronaut server. */
class PrometheusEndpointTest {

    @Test
    void servesTokenMetricsInPrometheusTextFormat() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "micronaut.server.host", "127.0.0.1",
                "micronaut.metrics.enabled", true,
                "micronaut.metrics.export.prometheus.enabled", true))) {
            TokenMetrics metrics = server.getApplicationContext().getBean(TokenMetrics.class);
            metrics.recordUsage(new TokenMetricDimensions("chat-api", "chat.completions", "gpt-4o", "gold",
                    "sub-1", "alice", "ptu-east", "127.0.0.1", Map.of("team", "search")), Usage.of(7, 5));

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
            assertTrue(response.body().contains("# TYPE llm_tokens_total_tokens_total counter"), response.body());
            assertTrue(response.body().matches("(?s).*llm_tokens_total_tokens_total\\{[^}]*team=\"search\"[^}]*} 12\\.0.*"),
                    response.body());
        }
    }
}
