package dev.mcpgateway.gateway.mcp.session;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where sessions live: in memory (the embedded default, {@link InMemorySessionStore}) or in Redis when the gateway
 * runs with {@code gateway.store.type: redis}, so that any instance can serve any session.
 */
public interface SessionStore {

    /**
     * Mints a fresh session id and stores a session that starts as described.
     *
     * @throws SessionLimitException when the store is full (after forgetting expired sessions)
     */
    McpSession create(NewSession start);

    /** The live session with that id; empty when unknown, terminated or expired. Counts as activity. */
    Optional<McpSession> find(String sessionId);

    /** Ends and forgets a session (its streams close and its calls are cancelled); false when there was none. */
    boolean remove(String sessionId);

    /** The live sessions of one MCP server (to tell them its tools changed). Does not count as activity. */
    Collection<McpSession> sessionsOf(String serverName);

    /**
     * Whether this instance should tell the sessions of a server that its tools are now {@code toolsFingerprint}.
     * Every instance hears a change; a shared store lets only the first one tell each session, so clients do not
     * get one notification per instance. The embedded store always answers true.
     */
    default boolean firstToAnnounce(String serverName, Supplier<String> toolsFingerprint) {
        return true;
    }
}
