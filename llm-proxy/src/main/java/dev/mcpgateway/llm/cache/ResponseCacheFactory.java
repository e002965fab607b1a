package dev.mcpgateway.llm.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Chooses the response cache store: Redis when {@code redis.uri} is configured, in memory otherwise.
 * Bounds: {@code llm.cache.max-entries} (in memory, default 10000) and {@code llm.cache.max-entry-bytes}
 * (default 1 MiB).
 */
@Factory
public class ResponseCacheFactory {

    public static final String KEY_PREFIX = "llm:cache:";

    /** Its own binary-codec connection, kept out of the bean context so String connections stay unambiguous. */
    @Singleton
    @Requires(property = "redis.uri")
    @Bean(preDestroy = "close")
    RedisResponseCache redisResponseCache(RedisClient client,
                                          @Value("${llm.cache.max-entry-bytes:1048576}") int maxEntryBytes) {
        return new RedisResponseCache(client.connect(ByteArrayCodec.INSTANCE), KEY_PREFIX, maxEntryBytes);
    }

    @Singleton
    @Requires(missingProperty = "redis.uri")
    ResponseCache inMemoryResponseCache(@Named("llm") Clock clock,
                                        @Value("${llm.cache.max-entries:10000}") int maxEntries,
                                        @Value("${llm.cache.max-entry-bytes:1048576}") int maxEntryBytes) {
        return new InMemoryResponseCache(clock, maxEntries, maxEntryBytes);
    }
}
