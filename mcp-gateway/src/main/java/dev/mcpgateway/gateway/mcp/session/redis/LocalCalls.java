package dev.mcpgateway.gateway.mcp.session.redis;

import dev.mcpgateway.gateway.mcp.protocol.InFlightCalls;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls each shared session runs on this instance. A session's view is rebuilt for every request, so the
 * registry a cancellation must reach lives here, keyed by session id; empty registries unused for a minute go.
 */
final class LocalCalls {

    private static final long UNUSED_MILLIS = 60_000;

    private record Entry(InFlightCalls calls, long[] lastUsed) {
    }

    private final Map<String, Entry> bySession = new ConcurrentHashMap<>();

    InFlightCalls of(String sessionId) {
        Entry entry = bySession.computeIfAbsent(sessionId, k -> new Entry(new InFlightCalls(), new long[1]));
        entry.lastUsed()[0] = System.currentTimeMillis();
        return entry.calls();
    }

    void cancel(String sessionId, Object requestId) {
        Entry entry = bySession.get(sessionId);
        if (entry != null) {
            entry.calls().cancel(requestId);
        }
    }

    void cancelAll(String sessionId) {
        Entry entry = bySession.remove(sessionId);
        if (entry != null) {
            entry.calls().cancelAll();
        }
    }

    void sweep() {
        long before = System.currentTimeMillis() - UNUSED_MILLIS;
        bySession.values().removeIf(e -> e.calls().size() == 0 && e.lastUsed()[0] < before);
    }
}
