package dev.mcpgateway.gateway.mcp.session;

import java.util.Collection;
import java.util.Optional;

/**
 * Where sessions live. The embedded default keeps them in memory; a scale-out store (Redis) can replace it by
 * keeping the session's data shared and routing stream events to the instance holding the connection.
 */
public interface SessionStore {

    /** Mints a fresh session id, stores the session the factory makes for it, and returns it. */
    McpSession create(java.util.function.Function<String, McpSession> factory);

    /** The live session with that id; empty when unknown, terminated or expired. Counts as activity. */
    Optional<McpSession> find(String sessionId);

    /** Ends and forgets a session; false when there was none. */
    boolean remove(String sessionId);

    /** The live sessions of one MCP server (to tell them its tools changed). */
    Collection<McpSession> sessionsOf(String serverName);
}
