package dev.mcpgateway.gateway.resource.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's gateway.yml shape: top-level backends, a pool, a model API at the root, a product with its API and a
 * subscription whose key and upstream key are named values, so no secret is written next to the resources.
 */
class DeclaredInGatewayYmlTest {

    @Test
    void servesTheDeclaredModelApiWithKeysFromNamedValues(@TempDir Path dir) throws Exception {
        try (FakeOpenAiBackend east = FakeOpenAiBackend.start("east")) {
            Path yml = dir.resolve("gateway.yml");
            Files.writeString(yml, """
                    named-values:
                      upstream-key: {value: upstream-secret-42, secret: true}
                      team-key: {value: team-a-key-0123456789, secret: true}
                    backends:
                      aoai-east: {url: "%s/openai", credentials: {header: {api-key: ["{{upstream-key}}"]}}}
                      aoai-pool: {type: Pool, pool: {services: [{id: /backends/aoai-east, priority: 1}]}}
                    apis:
                      aoai: {type: azure-openai, path: "", backendId: /backends/aoai-pool}
                    products:
                      ai: {displayName: AI, apis: [aoai]}
                    subscriptions:
                      team-a: {scope: /products/ai, primaryKey: "{{team-key}}"}
                    """.formatted(east.baseUri().toString().replaceAll("/$", "")));
            try (GatewayFixture gateway = GatewayFixture.start(dir.resolve("data"),
                    Map.of("gateway.config-file", yml.toString()))) {
                assertEquals("team-a-key-0123456789", gateway.admin("POST", "/admin/subscriptions/team-a/listSecrets",
                        null).json().path("primaryKey").asText());
                var call = gateway.send("POST", "/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                        "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
                        Map.of("api-key", "team-a-key-0123456789"));
                assertEquals(200, call.status(), call.body());
                var received = east.received().get(0);
                assertEquals("upstream-secret-42", received.headers().get("api-key"));
                assertEquals("/openai/deployments/gpt-4o/chat/completions", received.path());
                assertFalse(gateway.admin("GET", "/admin/subscriptions/team-a", null).body()
                        .contains("team-a-key-0123456789"));
            }
        }
    }

    @Test
    void appliesPolicyDocumentsDeclaredByScopeAndKeepsThemReadOnly(@TempDir Path dir) throws Exception {
        try (FakeOpenAiBackend east = FakeOpenAiBackend.start("east")) {
            Path yml = dir.resolve("gateway.yml");
            Files.writeString(yml, """
                    backends:
                      aoai-east: {url: "%s/openai", credentials: {header: {api-key: ["k"]}}}
                    apis:
                      aoai: {type: azure-openai, path: "", backendId: /backends/aoai-east, subscriptionRequired: false}
                    policies:
                      apis/aoai: |
                        <policies>
                          <inbound>
                            <base />
                            <check-header name="x-team" failed-check-httpcode="403" failed-check-error-message="Only the blue team." ignore-case="true">
                              <value>blue</value>
                            </check-header>
                            <set-header name="x-caller" exists-action="override">
                              <value>@(context.Request.Headers.GetValueOrDefault("x-team", "none"))</value>
                            </set-header>
                          </inbound>
                        </policies>
                    """.formatted(east.baseUri().toString().replaceAll("/$", "")));
            try (GatewayFixture gateway = GatewayFixture.start(dir.resolve("data"),
                    Map.of("gateway.config-file", yml.toString()))) {
                String path = "/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
                String chat = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}";
                var refused = gateway.send("POST", path, chat, Map.of("x-team", "red"));
                assertEquals(403, refused.status(), refused.body());
                assertEquals("Only the blue team.", refused.json().path("error").path("message").asText());
                var answered = gateway.send("POST", path, chat, Map.of("x-team", "blue"));
                assertEquals(200, answered.status(), answered.body());
                assertEquals("blue", east.received().getLast().headers().get("x-caller"));
                assertEquals(409, gateway.admin("DELETE", "/admin/apis/aoai/policies/policy", null).status(),
                        "declared in gateway.yml: read-only through /admin");
            }
        }
    }

    @Test
    void aSubscriptionDeclaredWithoutKeysKeepsTheSameKeysFromOneStartToTheNext(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("gateway.yml");
        Files.writeString(yml, """
                products:
                  ai: {displayName: AI}
                subscriptions:
                  team-a: {scope: /products/ai}
                  team-b: {scope: /products/ai}
                """);
        Map<String, Object> settings = Map.of("gateway.config-file", yml.toString());
        String first;
        String otherSubscription;
        try (GatewayFixture gateway = GatewayFixture.start(dir.resolve("data"), settings)) {
            first = gateway.admin("POST", "/admin/subscriptions/team-a/listSecrets", null).body();
            otherSubscription = gateway.admin("POST", "/admin/subscriptions/team-b/listSecrets", null).body();
        }
        try (GatewayFixture restarted = GatewayFixture.start(dir.resolve("data"), settings)) {
            assertEquals(first, restarted.admin("POST", "/admin/subscriptions/team-a/listSecrets", null).body());
        }
        var keys = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first);
        assertEquals(32, keys.path("primaryKey").asText().length(), first);
        assertFalse(keys.path("primaryKey").asText().equals(keys.path("secondaryKey").asText()));
        assertFalse(otherSubscription.contains(keys.path("primaryKey").asText()), "each subscription its own keys");
    }
}
