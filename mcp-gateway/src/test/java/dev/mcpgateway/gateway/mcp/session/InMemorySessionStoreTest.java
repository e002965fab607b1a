package dev.mcpgateway.gateway.mcp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.mcp.McpSettings;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {

    static McpSettings idleTimeout(Duration timeout) {
        return (McpSettings) Proxy.newProxyInstance(McpSettings.class.getClassLoader(), new Class<?>[] {McpSettings.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSessionIdleTimeout" -> timeout;
                    case "getMaxSessions" -> 3;
                    case "getResumptionBuffer" -> 4;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static McpSession session(SessionStore store, String server) {
        return store.create(new NewSession(server, McpSession.Transport.STREAMABLE_HTTP, "2025-11-25",
                Optional.empty(), Optional.empty()));
    }

    @Test
    void anIdleSessionExpiresAndItsCallsAreCancelled() throws Exception {
        InMemorySessionStore store = new InMemorySessionStore(idleTimeout(Duration.ofMillis(20)));
        McpSession session = session(store, "demo");
        Thread.sleep(60);
        assertTrue(store.find(session.id()).isEmpty());
        assertTrue(((MemoryEventStream) session.standaloneStream()).isClosed());
    }

    @Test
    void theSweepRemovesIdleSessionsButKeepsActiveOnes() throws Exception {
        // Generous margins: the fresh session must not age past the timeout even on a loaded machine.
        InMemorySessionStore store = new InMemorySessionStore(idleTimeout(Duration.ofSeconds(2)));
        McpSession idle = session(store, "demo");
        Thread.sleep(2_200);
        McpSession fresh = session(store, "demo");
        store.expireIdle();
        assertEquals(1, store.sessionsOf("demo").size());
        assertTrue(store.find(fresh.id()).isPresent());
        assertFalse(store.find(idle.id()).isPresent());
    }

    @Test
    void removedSessionsAreGoneAndOnlyTheirServersSessionsAreListed() {
        InMemorySessionStore store = new InMemorySessionStore(idleTimeout(Duration.ofMinutes(5)));
        McpSession a = session(store, "a");
        session(store, "b");
        assertEquals(1, store.sessionsOf("a").size());
        assertTrue(store.remove(a.id()));
        assertFalse(store.remove(a.id()));
        assertTrue(store.find(a.id()).isEmpty());
    }

    @Test
    void aFullStoreRefusesNewSessionsUntilOneEnds() {
        InMemorySessionStore store = new InMemorySessionStore(idleTimeout(Duration.ofMinutes(5)));
        McpSession first = session(store, "a");
        session(store, "a");
        session(store, "b");
        org.junit.jupiter.api.Assertions.assertThrows(SessionLimitException.class, () -> session(store, "a"));
        store.remove(first.id());
        assertTrue(store.find(session(store, "a").id()).isPresent());
    }
}
