package dev.mcpgateway.gateway.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM proxy inside the gateway: admin changes kept in the data directory, and gateway.yml's llm: section. */
class LlmStateTest {

    private FakeOpenAiBackend fake;

    @BeforeEach
    void start() throws Exception {
        fake = FakeOpenAiBackend.start("east");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    static GatewayFixture.Response chat(GatewayFixture gateway, String model, String key) throws Exception {
        return gateway.send("POST", "/v1/chat/completions",
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                Map.of("api-key", key));
    }

    @Nested
    class WhenChangedThroughAdmin {

        @Test
        void backendsPoolsAndSubscriptionsSurviveARestartAndTheKeyStillWorks(@TempDir Path dataDir) throws Exception {
            String key;
            try (GatewayFixture first = GatewayFixture.start(dataDir, Map.of())) {
                assertEquals(201, first.admin("PUT", "/admin/backends/east", "{\"url\":\"" + fake.baseUri()
                        + "\",\"type\":\"azure-openai\",\"credentials\":{\"type\":\"api-key\",\"key\":\"east-secret\"}}")
                        .status());
                assertEquals(201, first.admin("PUT", "/admin/backend-pools/gpt",
                        "{\"backends\":[{\"id\":\"east\"}],\"models\":[\"gpt-4o\"]}").status());
                assertEquals(201, first.admin("PUT", "/admin/products/team", "{\"deployments\":[\"gpt-4o\"]}").status());
                assertEquals(201, first.admin("PUT", "/admin/subscriptions/team-a",
                        "{\"scope\":\"/products/team\",\"ownerId\":\"alice\"}").status());
                key = first.admin("POST", "/admin/subscriptions/team-a/listSecrets", null).json()
                        .get("primaryKey").asText();
                assertEquals(200, chat(first, "gpt-4o", key).status());
            }
            try (GatewayFixture second = GatewayFixture.start(dataDir, Map.of())) {
                assertEquals(200, second.admin("GET", "/admin/backends/east", null).status());
                assertEquals("gpt", second.admin("GET", "/admin/llm-routes", null).json()
                        .path("value").path("gpt-4o").asText());
                assertEquals(key, second.admin("POST", "/admin/subscriptions/team-a/listSecrets", null).json()
                        .get("primaryKey").asText());
                assertEquals(200, chat(second, "gpt-4o", key).status());
                assertEquals(2, fake.requestCount());
                // the upstream key was stored too: the backend still authenticates after the restart
                assertEquals("east-secret", fake.received().get(1).headers().get("api-key"));

                assertEquals(204, second.admin("DELETE", "/admin/subscriptions/team-a", null).status());
            }
            try (GatewayFixture third = GatewayFixture.start(dataDir, Map.of())) {
                assertEquals(404, third.admin("GET", "/admin/subscriptions/team-a", null).status());
                assertEquals(401, chat(third, "gpt-4o", key).status());
            }
        }

        @Test
        void storedSubscriptionKeysAreOwnerOnly(@TempDir Path dataDir) throws Exception {
            try (GatewayFixture gateway = GatewayFixture.start(dataDir, Map.of())) {
                assertEquals(201, gateway.admin("PUT", "/admin/subscriptions/team-a", "{}").status());
            }
            Path file = dataDir.resolve("llm/subscriptions/team-a.json");
            assertTrue(Files.readString(file).contains("primaryKey"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }

        @Test
        void aRouteNamedLikeAPathStaysInsideTheDataDirectory(@TempDir Path dataDir) throws Exception {
            try (GatewayFixture gateway = GatewayFixture.start(dataDir.resolve("data"), Map.of())) {
                assertEquals(201, gateway.admin("PUT", "/admin/backends/east",
                        "{\"url\":\"" + fake.baseUri() + "\",\"type\":\"azure-openai\"}").status());
                assertEquals(200, gateway.admin("PUT", "/admin/llm-routes/..%2F..%2Fescape",
                        "{\"target\":\"east\"}").status());
            }
            assertFalse(Files.exists(dataDir.resolve("escape.json")));
            try (GatewayFixture restarted = GatewayFixture.start(dataDir.resolve("data"), Map.of())) {
                assertEquals("east", restarted.admin("GET", "/admin/llm-routes", null).json()
                        .path("value").path("../../escape").asText());
            }
        }
    }

    @Nested
    class WhenDeclaredInGatewayYml {

        @Test
        void aCallIsRoutedByTheDeclaredPoolToTheBackend(@TempDir Path dir) throws Exception {
            Path yml = dir.resolve("gateway.yml");
            Files.writeString(yml, """
                    llm:
                      backends:
                        east:
                          url: %s
                          type: azure-openai
                          credentials: {type: api-key, key: declared-upstream-key}
                      pools:
                        gpt:
                          backends: [{id: east, weight: 1, priority: 1}]
                          models: [gpt-4o]
                      routes:
                        gpt-4o-mini: east
                      products:
                        team: {deployments: [gpt-4o, gpt-4o-mini]}
                      subscriptions:
                        team-a: {scope: /products/team, primaryKey: team-a-primary-key-0001}
                    """.formatted(fake.baseUri()));
            try (GatewayFixture gateway = startWith(yml)) {
                assertEquals(200, chat(gateway, "gpt-4o", "team-a-primary-key-0001").status());
                assertEquals(200, chat(gateway, "gpt-4o-mini", "team-a-primary-key-0001").status());
                assertEquals(401, chat(gateway, "gpt-4o", "not-a-key-of-anyone").status());
                assertEquals(2, fake.requestCount());
                assertEquals("declared-upstream-key", fake.received().get(0).headers().get("api-key"));
                assertTrue(fake.received().get(0).path().contains("/deployments/gpt-4o/"), fake.received().get(0).path());
            }
        }

        @Test
        void anUnknownKeyFailsStartUpNamingIt(@TempDir Path dir) throws Exception {
            Path yml = dir.resolve("gateway.yml");
            Files.writeString(yml, """
                    llm:
                      backends:
                        east: {url: http://127.0.0.1:1, tiemout: PT5S}
                    """);
            RuntimeException e = assertThrows(RuntimeException.class, () -> startWith(yml));
            assertTrue(messages(e).contains("llm.backends.east.tiemout"), messages(e));
        }

        @Test
        void anUnknownSectionOrADanglingReferenceFailsStartUpNamingIt(@TempDir Path dir) throws Exception {
            Path yml = dir.resolve("gateway.yml");
            Files.writeString(yml, "llm:\n  pool:\n    gpt: {backends: [east]}\n");
            RuntimeException unknown = assertThrows(RuntimeException.class, () -> startWith(yml));
            assertTrue(messages(unknown).contains("llm.pool"), messages(unknown));

            Files.writeString(yml, "llm:\n  pools:\n    gpt: {backends: [east]}\n");
            RuntimeException dangling = assertThrows(RuntimeException.class, () -> startWith(yml));
            assertTrue(messages(dangling).contains("llm.pools.gpt: backends[0]: backend 'east' does not exist"),
                    messages(dangling));
        }
    }

    private static GatewayFixture startWith(Path yml) {
        return GatewayFixture.start(yml.resolveSibling("data"), Map.of("gateway.config-file", yml.toString()));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
