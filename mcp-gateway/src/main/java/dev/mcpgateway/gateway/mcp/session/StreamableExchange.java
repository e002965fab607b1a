package dev.mcpgateway.gateway.mcp.session;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.mcp.protocol.Incoming;
import dev.mcpgateway.gateway.mcp.protocol.JsonRpcErrors;
import dev.mcpgateway.gateway.mcp.protocol.McpDispatcher;
import dev.mcpgateway.gateway.mcp.protocol.McpProtocolException;
import dev.mcpgateway.gateway.mcp.protocol.MessageWriter;
import dev.mcpgateway.gateway.mcp.protocol.ProtocolVersions;
import dev.mcpgateway.gateway.mcp.protocol.Reply;
import dev.mcpgateway.gateway.mcp.protocol.RequestFacts;
import dev.mcpgateway.gateway.mcp.protocol.ScopeChallenges;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Streamable HTTP with sessions (revisions 2025-03-26 to 2025-11-25): initialize mints a session, later requests
 * must name it, GET opens the server's stream, DELETE ends the session.
 */
@Singleton
public class StreamableExchange {

    public static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final List<String> REVISIONS = ProtocolVersions.SESSION_REVISIONS;

    private final SessionStore sessions;
    private final SessionMessages messages;
    private final McpDispatcher dispatcher;
    // Tool calls run on their own virtual thread: one streamed over SSE outlives the request thread.
    private final StreamOnDemand streams;

    public StreamableExchange(SessionStore sessions, SessionMessages messages, McpDispatcher dispatcher,
                              MessageWriter writer) {
        this.sessions = sessions;
        this.messages = messages;
        this.dispatcher = dispatcher;
        this.streams = new StreamOnDemand(Executors.newVirtualThreadPerTaskExecutor(), writer);
    }

    public Reply post(ServedMcpServer server, Incoming incoming, RequestFacts facts) {
        if (incoming instanceof Incoming.Single(JSONRPCRequest request)
                && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            return initialize(server, request, facts);
        }
        if (incoming instanceof Incoming.Invalid(Object error)) {
            return new Reply.Json(400, error);
        }
        McpSession session;
        try {
            session = session(server, facts);
        } catch (McpProtocolException e) {
            return new Reply.Json(e.httpStatus(), JsonRpcErrors.error(null, e.code(), e.getMessage()));
        }
        return switch (incoming) {
            case Incoming.Invalid invalid -> new Reply.Json(400, invalid.error());
            case Incoming.Batch batch -> batch(server, session, batch, facts);
            case Incoming.Single(JSONRPCRequest request) -> request(server, session, request, facts);
            case Incoming.Single(JSONRPCNotification notification) -> {
                messages.notification(session, notification);
                yield new Reply.Status(202);
            }
            case Incoming.Single single -> new Reply.Status(202);
        };
    }

    public Reply get(ServedMcpServer server, RequestFacts facts) {
        if (statelessClient(facts)) {
            return new Reply.Status(405);
        }
        McpSession session;
        try {
            session = session(server, facts);
        } catch (McpProtocolException e) {
            return new Reply.Json(e.httpStatus(), JsonRpcErrors.error(null, e.code(), e.getMessage()));
        }
        Optional<McpSession.Resumption> resumption = session.resumption(facts.lastEventId());
        if (resumption.isPresent()) {
            return new Reply.Stream(resumption.get().stream(), resumption.get().afterSequence(), () -> { },
                    opening(session, Reply.Opening.COMMENT));
        }
        if (session.standaloneStream().isAttached()) {
            return new Reply.Json(409, JsonRpcErrors.error(null, JsonRpcErrors.SERVER_ERROR,
                    "Conflict: only one GET stream per session is allowed"));
        }
        // A fresh GET starts at "now"; events sent while no GET was open stay replayable only by Last-Event-ID.
        return new Reply.Stream(session.standaloneStream(), Long.MAX_VALUE, () -> { },
                opening(session, Reply.Opening.COMMENT));
    }

    public Reply delete(ServedMcpServer server, RequestFacts facts) {
        if (statelessClient(facts)) {
            return new Reply.Status(405);
        }
        try {
            McpSession session = session(server, facts);
            sessions.remove(session.id());
            return new Reply.Status(204);
        } catch (McpProtocolException e) {
            return new Reply.Json(e.httpStatus(), JsonRpcErrors.error(null, e.code(), e.getMessage()));
        }
    }

    private Reply initialize(ServedMcpServer server, JSONRPCRequest request, RequestFacts facts) {
        InitializeRequest init;
        try {
            init = dispatcher.initializeParams(request);
        } catch (McpProtocolException e) {
            return new Reply.Json(400, JsonRpcErrors.response(request.id(), e.code(), e.getMessage()));
        }
        InitializeResult result = dispatcher.initialize(server, init, REVISIONS);
        Optional<String> owner = facts.caller().map(CallContext.Caller::subject);
        McpSession session;
        try {
            session = sessions.create(new NewSession(server.name(), McpSession.Transport.STREAMABLE_HTTP,
                    result.protocolVersion(), owner,
                    Optional.of(new SessionClient(init.clientInfo(), init.capabilities()))));
        } catch (SessionLimitException e) {
            return new Reply.Json(503, JsonRpcErrors.response(request.id(), JsonRpcErrors.SERVER_ERROR,
                    "Service unavailable: too many sessions, try again later"));
        }
        return new Reply.Json(200, JSONRPCResponse.result(request.id(), result), Map.of(SESSION_HEADER, session.id()));
    }

    private McpSession session(ServedMcpServer server, RequestFacts facts) throws McpProtocolException {
        if (facts.sessionId() == null) {
            throw new McpProtocolException(JsonRpcErrors.SERVER_ERROR,
                    "Bad Request: Mcp-Session-Id header is required (send initialize first)", null, 400);
        }
        McpSession session = sessions.find(facts.sessionId())
                .filter(s -> s.serverName().equals(server.name()))
                .filter(s -> s.transport() == McpSession.Transport.STREAMABLE_HTTP)
                .orElseThrow(() -> new McpProtocolException(JsonRpcErrors.SERVER_ERROR,
                        "Session not found: initialize a new session", null, 404));
        if (session.ownerSubject().isPresent()
                && !session.ownerSubject().equals(facts.caller().map(CallContext.Caller::subject))) {
            throw new McpProtocolException(JsonRpcErrors.SERVER_ERROR, "Session not found: initialize a new session",
                    null, 404);
        }
        String version = facts.protocolVersion() == null ? ProtocolVersions.DEFAULT_WITHOUT_HEADER : facts.protocolVersion();
        if (!REVISIONS.contains(version)) {
            throw new McpProtocolException(JsonRpcErrors.SERVER_ERROR,
                    "Bad Request: unsupported MCP-Protocol-Version (supported: " + String.join(", ", REVISIONS) + ")",
                    null, 400);
        }
        return session;
    }

    private Reply request(ServedMcpServer server, McpSession session, JSONRPCRequest request, RequestFacts facts) {
        if (!facts.acceptsEventStream() || !McpDispatcher.mayNotify(server, request)) {
            JSONRPCResponse response = messages.request(server, session, request, facts, n -> { }, REVISIONS);
            return ScopeChallenges.asHttp(new Reply.Json(200, response));
        }
        // Before 2026-07-28 a dropped connection is no cancellation: the call runs on, resumable by Last-Event-ID.
        return ScopeChallenges.asHttp(streams.answer(session::openRequestStream, () -> { }, opening(session, Reply.Opening.NONE),
                sink -> messages.request(server, session, request, facts, sink, REVISIONS)));
    }

    private Reply batch(ServedMcpServer server, McpSession session, Incoming.Batch batch, RequestFacts facts) {
        if (!ProtocolVersions.allowsBatches(session.protocolVersion())) {
            return new Reply.Json(400, JsonRpcErrors.error(null, JsonRpcErrors.INVALID_REQUEST,
                    "Invalid Request: batches are not part of protocol revision " + session.protocolVersion()));
        }
        List<Object> responses = new ArrayList<>();
        for (Incoming item : batch.items()) {
            switch (item) {
                case Incoming.Invalid(Object error) -> responses.add(error);
                case Incoming.Single(JSONRPCRequest request) ->
                        responses.add(messages.request(server, session, request, facts, n -> { }, REVISIONS));
                case Incoming.Single(JSONRPCNotification notification) -> messages.notification(session, notification);
                default -> {
                    // responses from the client and nested arrays carry nothing to answer
                }
            }
        }
        return responses.isEmpty() ? new Reply.Status(202) : new Reply.Json(200, responses);
    }

    /** A 2026-07-28 client has no session: GET and DELETE are not part of its revision (405, as the spec asks). */
    private static boolean statelessClient(RequestFacts facts) {
        return facts.sessionId() == null && ProtocolVersions.V2026_07_28.equals(facts.protocolVersion());
    }

    /** 2025-11-25 clients expect a resumable priming event (SEP-1699); older ones might misread its empty data. */
    private static Reply.Opening opening(McpSession session, Reply.Opening older) {
        return ProtocolVersions.V2025_11_25.equals(session.protocolVersion()) ? Reply.Opening.EVENT_ID : older;
    }
}
