package dev.mcpgateway.gateway.policy.limit;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Chooses the counters as the LLM token limits choose theirs: Redis when {@code redis.uri} is configured
 * (micronaut-redis-lettuce then provides the connection), in memory otherwise. Windows follow the same
 * {@code @Named("llm")} clock as the token limits, so a test that replaces it moves every limit window.
 */
@Factory
public class CallCountersFactory {

    /** Redis key namespace of the policy counters. */
    public static final String KEY_PREFIX = "policy:limit:";

    @Singleton
    @Requires(property = "redis.uri")
    CallCounters redisCallCounters(StatefulRedisConnection<String, String> connection, @Named("llm") Clock clock) {
        return new RedisCallCounters(connection, clock, KEY_PREFIX);
    }

    @Singleton
    @Requires(missingProperty = "redis.uri")
    CallCounters inMemoryCallCounters(@Named("llm") Clock clock) {
        return new InMemoryCallCounters(clock);
    }
}
