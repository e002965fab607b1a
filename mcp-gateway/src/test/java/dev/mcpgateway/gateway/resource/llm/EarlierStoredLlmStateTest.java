package dev.mcpgateway.gateway.resource.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory written by an earlier version's LLM admin is moved into the resources at start-up. */
class EarlierStoredLlmStateTest {

    @Test
    void backendsPoolsRoutesProductsAndSubscriptionsAreMovedAndKeepWorking(@TempDir Path data) throws Exception {
        try (FakeOpenAiBackend fake = FakeOpenAiBackend.start("east")) {
            write(data, "llm/backends/east.json", "{\"url\": \"" + fake.baseUri() + "\", \"type\": \"azure-openai\","
                    + " \"credentials\": {\"type\": \"api-key\", \"key\": \"upstream-secret-east\"},"
                    + " \"circuitBreaker\": {\"failureCount\": 2, \"statusCodeRanges\": [\"429\"], \"tripDuration\": \"30s\"}}");
            write(data, "llm/backend-pools/gpt.json", "{\"backends\": [{\"id\": \"east\", \"priority\": 1}]}");
            write(data, "llm/llm-routes/gpt-4o.json", "{\"target\": \"gpt\"}");
            write(data, "llm/products/team.json", "{\"deployments\": [\"gpt-4o\"]}");
            write(data, "llm/subscriptions/team-a.json", "{\"productId\": \"team\","
                    + " \"primaryKey\": \"old-primary-key-0123456789\", \"secondaryKey\": \"old-secondary-key-012345\"}");

            try (GatewayFixture gateway = GatewayFixture.start(data, Map.of())) {
                assertEquals("Pool", gateway.admin("GET", "/admin/backends/gpt", null).json().path("type").asText());
                assertEquals("gpt-4o", gateway.admin("GET", "/admin/backends/gpt", null).json().path("models")
                        .get(0).asText());
                assertEquals("/products/team", gateway.admin("GET", "/admin/subscriptions/team-a", null).json()
                        .path("scope").asText());
                var call = gateway.send("POST", "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                        "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
                        Map.of("api-key", "old-primary-key-0123456789"));
                assertEquals(200, call.status(), call.body());
                assertEquals("upstream-secret-east", fake.received().get(0).headers().get("api-key"));
            }
            assertFalse(Files.exists(data.resolve("llm/backends/east.json")));
            String stored = Files.readString(data.resolve("resources/subscriptions/team-a.json"));
            assertFalse(stored.contains("old-primary-key-0123456789"), stored);
            assertTrue(Files.readString(data.resolve("resources/backends/east.json")).contains("sealed:v1:"));
        }
    }

    private static void write(Path data, String file, String json) throws Exception {
        Path path = data.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, json);
    }
}
