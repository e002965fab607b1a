package dev.mcpgateway.gateway.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM proxy inside the gateway: its resources changed through {@code /admin} and kept in the data directory, or
 * declared in gateway.yml, top-level or in the old {@code llm:} section.
 */
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
                        + "\",\"aiProvider\":\"azure-openai\","
                        + "\"credentials\":{\"header\":{\"api-key\":[\"east-secret\"]}}}").status());
                assertEquals(201, first.admin("PUT", "/admin/backends/gpt", "{\"type\":\"Pool\","
                        + "\"pool\":{\"services\":[{\"id\":\"/backends/east\"}]},\"models\":[\"gpt-4o\"]}").status());
                assertEquals(201, first.admin("PUT", "/admin/products/team", "{\"deployments\":[\"gpt-4o\"]}").status());
                assertEquals(201, first.admin("PUT", "/admin/subscriptions/team-a",
                        "{\"scope\":\"/products/team\",\"ownerId\":\"alice\"}").status());
                key = first.admin("POST", "/admin/subscriptions/team-a/listSecrets", null).json()
                        .get("primaryKey").asText();
                assertEquals(200, chat(first, "gpt-4o", key).status());
            }
            try (GatewayFixture second = GatewayFixture.start(dataDir, Map.of())) {
                assertEquals(200, second.admin("GET", "/admin/backends/east", null).status());
                assertEquals("gpt-4o", second.admin("GET", "/admin/backends/gpt", null).json()
                        .path("models").path(0).asText());
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
                assertEquals(201, gateway.admin("PUT", "/admin/subscriptions/team-a", "{\"scope\":\"/apis\"}")
                        .status());
            }
            Path file = dataDir.resolve("resources/subscriptions/team-a.json");
            assertTrue(Files.readString(file).contains("primaryKey"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }

        @Test
        void namesThatLookLikePathsStayInsideTheDataDirectory(@TempDir Path dir) throws Exception {
            Path dataDir = dir.resolve("data");
            try (GatewayFixture gateway = GatewayFixture.start(dataDir, Map.of())) {
                assertEquals(201, gateway.admin("PUT", "/admin/backends/east", "{\"url\":\"" + fake.baseUri()
                        + "\",\"aiProvider\":\"azure-openai\",\"models\":[\"../../escape\"]}").status());
                GatewayFixture.Response refused = gateway.admin("PUT", "/admin/backends/..%2F..%2Fescape",
                        "{\"url\":\"" + fake.baseUri() + "\"}");
                assertEquals(422, refused.status(), refused.body());
                // a product's API link is named product/api: one file, inside the data directory
                assertEquals(201, gateway.admin("PUT", "/admin/apis/openai",
                        "{\"type\":\"azure-openai\",\"path\":\"openai\",\"backendId\":\"east\"}").status());
                assertEquals(201, gateway.admin("PUT", "/admin/products/team", "{}").status());
                assertEquals(201, gateway.admin("PUT", "/admin/products/team/apis/openai", null).status());
            }
            try (Stream<Path> everything = Files.list(dir)) {
                assertEquals(List.of(dataDir), everything.toList());
            }
            try (GatewayFixture restarted = GatewayFixture.start(dataDir, Map.of())) {
                assertEquals("../../escape", restarted.admin("GET", "/admin/backends/east", null).json()
                        .path("models").path(0).asText());
                assertEquals(200, restarted.admin("GET", "/admin/products/team/apis/openai", null).status());
            }
        }
    }

    @Nested
    class WhenDeclaredInGatewayYml {

        @Test
        void aCallIsRoutedByTheDeclaredPoolToTheBackend(@TempDir Path dir) throws Exception {
            Path yml = dir.resolve("gateway.yml");
            Files.writeString(yml, """
                    backends:
                      east:
                        url: %s
                        aiProvider: azure-openai
                        credentials: {header: {api-key: [declared-upstream-key]}}
                        models: [gpt-4o-mini]
                      gpt:
                        type: Pool
                        pool: {services: [{id: /backends/east, weight: 1, priority: 1}]}
                        models: [gpt-4o]
                    products:
                      team: {deployments: [gpt-4o, gpt-4o-mini]}
                    subscriptions:
                      team-a: {scope: /products/team, primaryKey: team-a-primary-key-0001}
                    """.formatted(fake.baseUri()));
            assertRoutedThroughTheDeclaredPool(yml);
        }

        @Test
        void anUnknownKeyFailsStartUpNamingIt(@TempDir Path dir) throws Exception {
            Path yml = dir.resolve("gateway.yml");
            Files.writeString(yml, """
                    backends:
                      east: {url: http://127.0.0.1:1, tiemout: PT5S}
                    """);
            RuntimeException e = assertThrows(RuntimeException.class, () -> startWith(yml));
            assertTrue(messages(e).contains("backends.east.tiemout"), messages(e));
        }

        @Test
        void aDanglingReferenceFailsStartUpNamingIt(@TempDir Path dir) throws Exception {
            Path yml = dir.resolve("gateway.yml");
            Files.writeString(yml, "backends:\n  gpt: {type: Pool, pool: {services: [{id: /backends/east}]}}\n");
            RuntimeException dangling = assertThrows(RuntimeException.class, () -> startWith(yml));
            assertTrue(messages(dangling).contains("backends.gpt.pool.services[0].id: backend 'east' does not exist"),
                    messages(dangling));
        }
    }

    /** The shape of an earlier version: still read, so its files keep working, and still checked as strictly. */
    @Nested
    class WhenDeclaredInTheOldLlmSection {

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
            assertRoutedThroughTheDeclaredPool(yml);
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
            // the pool is read as the backend pool it now is, and named so
            assertTrue(messages(dangling).contains("backends.gpt.pool.services[0].id: backend 'east' does not exist"),
                    messages(dangling));

            Files.writeString(yml, "llm:\n  routes:\n    gpt-4o: nowhere\n");
            RuntimeException route = assertThrows(RuntimeException.class, () -> startWith(yml));
            assertTrue(messages(route).contains("llm.routes.gpt-4o"), messages(route));
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

    /** Both files declare the same: team-a's key reaches gpt-4o through the pool and gpt-4o-mini directly. */
    private void assertRoutedThroughTheDeclaredPool(Path yml) throws Exception {
        try (GatewayFixture gateway = startWith(yml)) {
            assertEquals(200, chat(gateway, "gpt-4o", "team-a-primary-key-0001").status());
            assertEquals(200, chat(gateway, "gpt-4o-mini", "team-a-primary-key-0001").status());
            assertEquals(401, chat(gateway, "gpt-4o", "not-a-key-of-anyone").status());
            assertEquals(2, fake.requestCount());
            assertEquals("declared-upstream-key", fake.received().get(0).headers().get("api-key"));
            assertTrue(fake.received().get(0).path().contains("/deployments/gpt-4o/"), fake.received().get(0).path());
        }
    }
}
