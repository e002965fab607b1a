package dev.mcpgateway.gateway.mcp.session;

import dev.mcpgateway.gateway.mcp.McpSettings;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The embedded session store: a map, swept for idle sessions once a minute (and checked on every lookup). */
@Singleton
public class InMemorySessionStore implements SessionStore {

    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;

    public InMemorySessionStore(McpSettings settings) {
        this.idleTimeout = settings.getSessionIdleTimeout();
    }

    @Override
    public McpSession create(Function<String, McpSession> factory) {
        McpSession session = factory.apply(SessionIds.next());
        sessions.put(session.id(), session);
        return session;
    }

    @Override
    public Optional<McpSession> find(String sessionId) {
        McpSession session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, Instant.now())) {
            remove(sessionId);
            return Optional.empty();
        }
        session.touch();
        return Optional.of(session);
    }

    @Override
    public boolean remove(String sessionId) {
        McpSession session = sessions.remove(sessionId);
        if (session != null) {
            session.terminate();
        }
        return session != null;
    }

    @Override
    public Collection<McpSession> sessionsOf(String serverName) {
        return sessions.values().stream().filter(s -> s.serverName().equals(serverName)).toList();
    }

    @Scheduled(fixedDelay = "1m")
    void expireIdle() {
        Instant now = Instant.now();
        sessions.values().stream().filter(s -> expired(s, now)).map(McpSession::id).toList().forEach(this::remove);
    }

    private boolean expired(McpSession session, Instant now) {
        // A session with an open stream is in use even when the client sends nothing.
        return session.lastSeen().plus(idleTimeout).isBefore(now) && !session.standaloneStream().isAttached();
    }
}
