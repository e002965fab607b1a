package dev.mcpgateway.auth.store;

import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.store.seal.StoreSealing;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Picks the store from {@code gateway.auth.store} (Redis is only touched when asked for) and opens it with its
 * secrets sealed under the store key.
 */
@Factory
public class AuthStateStoreFactory {

    @Singleton
    AuthStateStore authStateStore(AuthServerConfig config,
                                  BeanProvider<StatefulRedisConnection<String, String>> redis) {
        AuthStateStore raw = switch (config.getStore()) {
            case "file" -> new FileAuthStateStore(Path.of(config.getDataDir()), Clock.systemUTC());
            case "redis" -> {
                if (!redis.isPresent()) {
                    throw new ConfigurationException("gateway.auth.store=redis needs redis.uri to be set");
                }
                yield new RedisAuthStateStore(redis.get());
            }
            default -> throw new ConfigurationException(
                    "gateway.auth.store must be 'file' or 'redis', not '" + config.getStore() + "'");
        };
        // secrets (signing keys, upstream tokens) are sealed before they reach disk or Redis
        return StoreSealing.open(raw, config.getStoreKey(), Path.of(config.getDataDir()), raw instanceof RedisAuthStateStore);
    }
}
