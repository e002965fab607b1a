package dev.mcpgateway.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.RedisPerClass;
import dev.mcpgateway.testsupport.RedisServerFixture;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cache contract on a real redis-server, plus what only a shared store shows. */
class RedisResponseCacheTest extends ResponseCacheContract {

    @RegisterExtension
    static final RedisPerClass REDIS = new RedisPerClass();

    private final List<RedisClient> clients = new ArrayList<>();
    private final List<RedisResponseCache> caches = new ArrayList<>();

    @AfterEach
    void disconnect() {
        caches.forEach(RedisResponseCache::close);
        clients.forEach(RedisClient::shutdown);
    }

    @Override
    ResponseCache cache() {
        return connect(REDIS.uri());
    }

    @Test
    void anEntryStoredByOneInstanceIsServedByAnother() throws Exception {
        CacheKey key = key("tenant-a", "{\"model\":\"gpt-4o\"}");
        cache().put(key, OK, TTL);

        assertEquals(Optional.of(OK), cache().get(key));
    }

    @Test
    void redisExpiresTheEntryAtItsTtl() throws Exception {
        cache().put(key("tenant-a", "{\"model\":\"gpt-4o\"}"), OK, Duration.ofSeconds(30));

        try (var c = clients.getFirst().connect()) {
            String stored = c.sync().keys(ResponseCacheFactory.KEY_PREFIX + "*").getFirst();
            long ttl = c.sync().pttl(stored);
            assertTrue(ttl > 0 && ttl <= 30_000, "ttl " + ttl);
        }
    }

    @Test
    void aFailingRedisIsAMissAndARefusedStoreNeverAnError() throws Exception {
        RedisServerFixture doomed = RedisServerFixture.start();
        RedisResponseCache cache = connect(doomed.uri());
        CacheKey key = key("tenant-a", "{\"model\":\"gpt-4o\"}");
        doomed.close();

        assertEquals(Optional.empty(), cache.get(key));
        assertFalse(cache.put(key, OK, TTL));
    }

    @Test
    void anUnreadableEntryIsAMiss() throws Exception {
        ResponseCache cache = cache();
        CacheKey key = key("tenant-a", "{\"model\":\"gpt-4o\"}");
        try (var c = clients.getFirst().connect(ByteArrayCodec.INSTANCE)) {
            c.sync().set((ResponseCacheFactory.KEY_PREFIX + key.value()).getBytes(StandardCharsets.UTF_8),
                    new byte[] {9, 9, 9});
        }

        assertEquals(Optional.empty(), cache.get(key));
    }

    private RedisResponseCache connect(String uri) {
        RedisClient client = RedisClient.create(uri);
        // Fail fast while disconnected instead of queueing commands until the timeout.
        client.setOptions(ClientOptions.builder().autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        clients.add(client);
        RedisResponseCache cache = new RedisResponseCache(client.connect(ByteArrayCodec.INSTANCE),
                ResponseCacheFactory.KEY_PREFIX, 1024 * 1024);
        caches.add(cache);
        return cache;
    }
}
