package dev.mcpgateway.llm.limit;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Chooses the limiter: Redis when {@code redis.uri} is configured (micronaut-redis-lettuce then provides the
 * connection), in memory otherwise. Windows follow the proxy's {@link Clock} bean
 * (UTC system clock unless one is registered), so a test that registers its own clock moves the windows too.
 */
@Factory
public class TokenLimiterFactory {

    /** Redis key namespace of the token counters. */
    public static final String KEY_PREFIX = "llm:limit:";

    /** The proxy's UTC clock, unless the application (or a test) registers its own {@link Clock}. */
    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock systemClock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Requires(property = "redis.uri")
    TokenLimiter redisTokenLimiter(StatefulRedisConnection<String, String> connection,
                                    Clock clock) {
        return new RedisTokenLimiter(connection, clock, KEY_PREFIX);
    }

    @Singleton
    @Requires(missingProperty = "redis.uri")
    TokenLimiter inMemoryTokenLimiter(Clock clock) {
        return new InMemoryTokenLimiter(clock);
    }
}
