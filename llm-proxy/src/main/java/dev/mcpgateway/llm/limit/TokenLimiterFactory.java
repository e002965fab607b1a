package dev.mcpgateway.llm.limit;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Chooses the limiter: Redis when {@code redis.uri} is configured (micronaut-redis-lettuce then provides the
 * connection), in memory otherwise. A {@link Clock} bean, if the application defines one, replaces the UTC
 * system clock (tests inject a fixed clock that way).
 */
@Factory
public class TokenLimiterFactory {

    /** Redis key namespace of the token counters. */
    public static final String KEY_PREFIX = "llm:limit:";

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock systemClock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Requires(property = "redis.uri")
    TokenLimiter redisTokenLimiter(StatefulRedisConnection<String, String> connection, Clock clock) {
        return new RedisTokenLimiter(connection, clock, KEY_PREFIX);
    }

    @Singleton
    @Requires(missingProperty = "redis.uri")
    TokenLimiter inMemoryTokenLimiter(Clock clock) {
        return new InMemoryTokenLimiter(clock);
    }
}
