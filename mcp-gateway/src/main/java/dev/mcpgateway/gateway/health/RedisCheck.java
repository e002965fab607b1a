package dev.mcpgateway.gateway.health;

import dev.mcpgateway.gateway.store.RedisPing;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The Redis of {@code redis.uri} answers: LLM token limits and response cache, and the auth store when it is kept
 * there. Without it those limits cannot be enforced, so the instance is not ready.
 */
@Singleton
@Requires(property = "redis.uri")
final class RedisCheck implements ReadinessCheck {

    private final BeanProvider<StatefulRedisConnection<String, String>> connection;

    RedisCheck(BeanProvider<StatefulRedisConnection<String, String>> connection) {
        this.connection = connection;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public boolean ready() {
        try {
            return RedisPing.answers(connection.get());
        } catch (RuntimeException e) {
            // the first connection is made on demand and fails while Redis is down
            return false;
        }
    }
}
