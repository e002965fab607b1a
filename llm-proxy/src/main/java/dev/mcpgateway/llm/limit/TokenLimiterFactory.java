package dev.mcpgateway.llm.limit;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Chooses the limiter: Redis when {@code redis.uri} is configured (micronaut-redis-lettuce then provides the
 * connection), in memory otherwise. Windows follow the proxy's {@code @Named("llm")} clock
 * (llm-core's {@code ClockFactory}), so a test that replaces that clock moves the limit windows too.
 */
@Factory
public class TokenLimiterFactory {

    /** Redis key namespace of the token counters. */
    public static final String KEY_PREFIX = "llm:limit:";

    @Singleton
    @Requires(property = "redis.uri")
    TokenLimiter redisTokenLimiter(StatefulRedisConnection<String, String> connection,
                                    @Named("llm") Clock clock) {
        return new RedisTokenLimiter(connection, clock, KEY_PREFIX);
    }

    @Singleton
    @Requires(missingProperty = "redis.uri")
    TokenLimiter inMemoryTokenLimiter(@Named("llm") Clock clock) {
        return new InMemoryTokenLimiter(clock);
    }
}
