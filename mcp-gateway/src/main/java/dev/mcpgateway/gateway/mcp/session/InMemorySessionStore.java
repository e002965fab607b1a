package dev.mcpgateway.gateway.mcp.session;

import dev.mcpgateway.gateway.mcp.McpSettings;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded session store: a map, swept for idle sessions once a minute (and checked on every lookup). Used
 * unless the gateway keeps its state in Redis.
 */
@Singleton
@Requires(property = "gateway.store.type", notEquals = "redis")
public class InMemorySessionStore implements SessionStore {

    private final Map<String, MemorySession> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final int maxSessions;
    private final int replayCapacity;

    public InMemorySessionStore(McpSettings settings) {
        this.idleTimeout = settings.getSessionIdleTimeout();
        this.maxSessions = settings.getMaxSessions();
        this.replayCapacity = settings.getResumptionBuffer();
    }

    @Override
    public McpSession create(NewSession start) {
        if (sessions.size() >= maxSessions) {
            expireIdle();
            if (sessions.size() >= maxSessions) {
                throw new SessionLimitException();
            }
        }
        MemorySession session = new MemorySession(SessionIds.next(), start, replayCapacity);
        sessions.put(session.id(), session);
        return session;
    }

    @Override
    public Optional<McpSession> find(String sessionId) {
        MemorySession session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, System.currentTimeMillis())) {
            remove(sessionId);
            return Optional.empty();
        }
        session.touch();
        return Optional.of(session);
    }

    @Override
    public boolean remove(String sessionId) {
        MemorySession session = sessions.remove(sessionId);
        if (session != null) {
            session.terminate();
        }
        return session != null;
    }

    @Override
    public Collection<McpSession> sessionsOf(String serverName) {
        return sessions.values().stream().filter(s -> s.serverName().equals(serverName)).map(McpSession.class::cast)
                .toList();
    }

    @Scheduled(fixedDelay = "1m")
    void expireIdle() {
        long now = System.currentTimeMillis();
        sessions.values().stream().filter(s -> expired(s, now)).map(MemorySession::id).toList().forEach(this::remove);
    }

    /** Lock-free for a session in use: only an idle one asks its stream (which locks) whether a GET holds it open. */
    private boolean expired(MemorySession session, long nowMillis) {
        // A session with an open stream is in use even when the client sends nothing.
        return session.idleSince(nowMillis, idleTimeout.toMillis()) && !session.standaloneStream().isAttached();
    }
}
