package dev.mcpgateway.gateway.store;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether a Redis connection answers now. A disconnected connection is not asked at all: Lettuce would queue the
 * PING until it reconnects, and a probe must answer promptly rather than wait for Redis.
 */
public final class RedisPing {

    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private RedisPing() {
    }

    public static boolean answers(StatefulRedisConnection<?, ?> connection) {
        if (!connection.isOpen()) {
            return false;
        }
        try {
            return "PONG".equalsIgnoreCase(connection.async().ping().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        }
    }
}
