package dev.mcpgateway.gateway.mcp.session.redis;

import dev.mcpgateway.gateway.mcp.McpSettings;
import java.time.Duration;

/**
 * The bounds of shared sessions, from {@code gateway.mcp.*}.
 *
 * @param idleMillis     a session nobody uses for this long expires (Redis key TTL)
 * @param maxSessions    live sessions at most, across all instances
 * @param replayCapacity events kept per stream
 * @param maxAgeMillis   events older than this are not replayed and are dropped from Redis
 * @param holdMillis     how long a hold on a standalone stream lasts unless renewed (an instance that dies
 *                       stops renewing it)
 */
record SessionLimits(long idleMillis, int maxSessions, int replayCapacity, long maxAgeMillis, long holdMillis) {

    static SessionLimits from(McpSettings settings) {
        long idle = settings.getSessionIdleTimeout().toMillis();
        return new SessionLimits(idle, settings.getMaxSessions(), Math.max(1, settings.getResumptionBuffer()),
                settings.getResumptionMaxAge().toMillis(), 3 * renewEvery(idle).toMillis());
    }

    /** Holds are renewed three times per hold and at least as often as a third of the idle timeout. */
    static Duration renewEvery(long idleMillis) {
        return Duration.ofMillis(Math.max(100, Math.min(10_000, idleMillis / 3)));
    }

    Duration renewEvery() {
        return renewEvery(idleMillis);
    }

    /** Request stream states outlive their events and an idle session, then go. */
    long streamStateMillis() {
        return maxAgeMillis + idleMillis;
    }
}
