package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.RedisAuthStateStore;
import dev.mcpgateway.auth.store.seal.SealingAuthStateStore;
import dev.mcpgateway.testsupport.RedisServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code gateway.auth.store=redis} on a real redis-server: the full brokered login runs with all state in Redis
 * (nothing under the data directory), and a second instance sharing that Redis knows the client, accepts the
 * refresh token once and detects its reuse.
 */
class SharedRedisStateTest {

    // instances sharing a Redis share the key sealing its secrets
    static final String STORE_KEY = "q2X0c3Rvcmuta2V5LWZvci10aGUtc2hhcmVkLXRlc3Q=";
    static RedisServerFixture redis;
    static AuthServerHarness first;

    @BeforeAll
    static void start() {
        redis = RedisServerFixture.start();
        first = AuthServerHarness.start(Map.of("gateway.auth.store", "redis", "redis.uri", redis.uri(),
                "gateway.auth.store-key", STORE_KEY));
    }

    @AfterAll
    static void stop() {
        first.close();
        redis.close();
    }

    @Test
    void theFlowRunsOnRedisAndASecondInstanceSharesClientsAndRefreshTokens() throws Exception {
        AuthStateStore store = first.context().getBean(AuthStateStore.class);
        assertEquals(RedisAuthStateStore.class, ((SealingAuthStateStore) store).underlying().getClass());
        JsonNode tokens = first.client().loginAndRedeem("oid-redis");
        try (Stream<Path> files = Files.walk(first.dataDir())) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "no state on local disk");
        }
        String clientId = tokens.get("client_id").asText();
        try (AuthServerHarness second = AuthServerHarness.start(Map.of("gateway.auth.store", "redis",
                "redis.uri", redis.uri(), "gateway.auth.store-key", STORE_KEY))) {
            // a second instance (another port, same Redis) refreshes the token the first one issued
            HttpResponse<String> refreshed = postRefresh(second, clientId, tokens.get("refresh_token").asText());
            assertEquals(200, refreshed.statusCode(), refreshed.body());
            HttpResponse<String> replayed = postRefresh(first, clientId, tokens.get("refresh_token").asText());
            assertEquals("invalid_grant", OAuthTestClient.json(replayed).get("error").asText());
        }
    }

    private static HttpResponse<String> postRefresh(AuthServerHarness instance, String clientId, String refreshToken) {
        return instance.client().refresh(clientId, refreshToken);
    }
}
