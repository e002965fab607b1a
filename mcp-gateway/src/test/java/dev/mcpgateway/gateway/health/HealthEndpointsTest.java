package dev.mcpgateway.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.GatewayFixture.Response;
import dev.mcpgateway.testsupport.RedisServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes of a gateway whose configuration store and LLM limits live in a real Redis, which the test stops and
 * starts again underneath it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthEndpointsTest {

    private RedisServerFixture redis;
    private GatewayFixture gateway;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        redis = RedisServerFixture.start();
        gateway = GatewayFixture.start(dataDir, Map.of(
                "gateway.store.type", "redis",
                "gateway.store.redis-uri", redis.uri(),
                "redis.uri", redis.uri()));
    }

    @AfterAll
    void stop() {
        gateway.close();
        redis.close();
    }

    private Response get(String path) throws Exception {
        return gateway.send("GET", path, null, Map.of());
    }

    /** Polls a probe as an orchestrator does, until it answers {@code status} (Lettuce reconnects on its own time). */
    private Response awaitStatus(String path, int status) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            Response response = get(path);
            if (response.status() == status) {
                return response;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never answered " + status);
    }

    private void assertNothingSensitive(Response response) {
        String body = response.body();
        assertFalse(body.contains("127.0.0.1") || body.contains(String.valueOf(redis.port()))
                || body.contains("redis://") || body.contains("Exception") || body.contains("version"), body);
    }

    @Nested
    class WhileRedisAnswers {

        @Test
        void everyProbeIsUpWithoutCredentials() throws Exception {
            for (String path : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
                Response response = get(path);
                assertEquals(200, response.status(), path + ": " + response.body());
                assertEquals("UP", response.json().path("status").asText(), response.body());
                assertNothingSensitive(response);
            }
            Response readiness = get("/health/readiness");
            assertEquals("UP", readiness.json().path("checks").path("config-store").asText(), readiness.body());
            assertEquals("UP", readiness.json().path("checks").path("redis").asText(), readiness.body());
            assertEquals(401, get("/admin/apis").status(), "the admin API itself still wants its key");
        }
    }

    @Nested
    class WhenRedisGoesAwayAndComesBack {

        @Test
        void readinessIsDownWhileRedisIsUnreachableAndUpAgainAfterwards() throws Exception {
            assertEquals(200, get("/health/readiness").status());
            redis.stop();
            try {
                Response down = awaitStatus("/health/readiness", 503);
                assertEquals("DOWN", down.json().path("status").asText(), down.body());
                assertEquals("DOWN", down.json().path("checks").path("config-store").asText(), down.body());
                assertEquals("DOWN", down.json().path("checks").path("redis").asText(), down.body());
                assertNothingSensitive(down);
                assertEquals(503, get("/health").status(), "/health follows readiness");
                assertEquals(200, get("/health/liveness").status(), "the process is alive: no restart needed");
            } finally {
                redis.restart();
            }
            Response up = awaitStatus("/health/readiness", 200);
            assertEquals("UP", up.json().path("status").asText(), up.body());
        }
    }

    @Nested
    class WhenGatewayYmlDoesNotLoad {

        @Test
        void theGatewayDoesNotStartSoNoProbeEverSaysReady(@TempDir Path folder) throws Exception {
            Path config = Files.writeString(folder.resolve("gateway.yml"), "apis:\n  shop:\n    openapi: 42\n");
            Exception refused = assertThrows(Exception.class, () -> GatewayFixture.start(folder.resolve("data"),
                    Map.of("gateway.config-file", config.toString())).close());
            StringBuilder messages = new StringBuilder();
            for (Throwable t = refused; t != null; t = t.getCause()) {
                messages.append(t.getMessage());
            }
            assertTrue(messages.toString().contains("apis.shop.openapi"), messages.toString());
        }
    }
}
