package dev.mcpgateway.gateway.mcp.session;

import dev.mcpgateway.gateway.mcp.protocol.InFlightCalls;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import java.util.Optional;

/**
 * What the gateway remembers of one client between requests: the server it talks to, the negotiated revision, the
 * client's description, its SSE streams (for resumption) and its running calls (for cancellation). The embedded
 * store keeps one object per session ({@link MemorySession}); a shared store hands out a fresh view per request
 * whose changes are written through.
 */
public interface McpSession {

    /** Which transport opened the session: it decides where responses go. */
    enum Transport { STREAMABLE_HTTP, LEGACY_SSE }

    /** The standalone stream: GET on Streamable HTTP, the one SSE connection on the legacy transport. */
    String STANDALONE_STREAM = "0";

    String id();

    String serverName();

    Transport transport();

    /** The subject that created the session; requests from anyone else are refused once auth is on. */
    Optional<String> ownerSubject();

    String protocolVersion();

    void protocolVersion(String negotiated);

    /** Who the client said it is at {@code initialize}; empty before a legacy session's initialize. */
    Optional<SessionClient> client();

    void client(SessionClient client);

    LoggingLevel logLevel();

    void logLevel(LoggingLevel level);

    boolean initialized();

    void markInitialized();

    /** The calls of this session running on this instance. */
    InFlightCalls inFlight();

    /** Cancels a running call of this session, wherever it runs; unknown or finished ids are ignored. */
    void cancel(Object requestId);

    EventStream standaloneStream();

    /** A new stream for one POST's response; the oldest finished streams are forgotten beyond a small bound. */
    EventStream openRequestStream();

    /** The stream a {@code Last-Event-ID} points into, with the sequence to resume after. */
    Optional<Resumption> resumption(String lastEventId);

    /** Where to pick up a stream again. */
    record Resumption(EventStream stream, long afterSequence) {
    }
}
