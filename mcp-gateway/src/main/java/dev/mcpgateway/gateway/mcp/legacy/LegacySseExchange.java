package dev.mcpgateway.gateway.mcp.legacy;

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
import dev.mcpgateway.gateway.mcp.session.McpSession;
import dev.mcpgateway.gateway.mcp.session.NewSession;
import dev.mcpgateway.gateway.mcp.session.SessionClient;
import dev.mcpgateway.gateway.mcp.session.SessionLimitException;
import dev.mcpgateway.gateway.mcp.session.SessionMessages;
import dev.mcpgateway.gateway.mcp.session.SessionStore;
import dev.mcpgateway.gateway.mcp.session.SseEvent;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The deprecated HTTP+SSE transport (2024-11-05) for older clients: one SSE connection per session whose first event
 * names the URI to POST messages to; every answer travels back over that connection.
 */
@Singleton
public class LegacySseExchange {

    private static final List<String> REVISIONS = ProtocolVersions.LEGACY_SSE_REVISIONS;

    private final SessionStore sessions;
    private final SessionMessages messages;
    private final McpDispatcher dispatcher;
    private final MessageWriter writer;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public LegacySseExchange(SessionStore sessions, SessionMessages messages, McpDispatcher dispatcher,
                             MessageWriter writer) {
        this.sessions = sessions;
        this.messages = messages;
        this.dispatcher = dispatcher;
        this.writer = writer;
    }

    /** Opens a session and its stream, the {@code endpoint} event first; the session ends with the connection. */
    public Reply open(ServedMcpServer server, RequestFacts facts, String messagesPath) {
        Optional<String> owner = facts.caller().map(CallContext.Caller::subject);
        McpSession session;
        try {
            session = sessions.create(new NewSession(server.name(), McpSession.Transport.LEGACY_SSE,
                    ProtocolVersions.V2024_11_05, owner, Optional.empty()));
        } catch (SessionLimitException e) {
            return new Reply.Json(503, JsonRpcErrors.error(null, JsonRpcErrors.SERVER_ERROR,
                    "Service unavailable: too many sessions, try again later"));
        }
        session.standaloneStream().send("endpoint", messagesPath + "?sessionId=" + session.id());
        String id = session.id();
        return new Reply.Stream(session.standaloneStream(), 0, () -> sessions.remove(id), Reply.Opening.NONE);
    }

    public Reply post(ServedMcpServer server, String sessionId, Incoming incoming, RequestFacts facts) {
        Optional<McpSession> found = sessions.find(sessionId)
                .filter(s -> s.transport() == McpSession.Transport.LEGACY_SSE && s.serverName().equals(server.name()))
                .filter(s -> s.ownerSubject().isEmpty()
                        || s.ownerSubject().equals(facts.caller().map(CallContext.Caller::subject)));
        if (found.isEmpty()) {
            return new Reply.Json(404, JsonRpcErrors.error(null, JsonRpcErrors.SERVER_ERROR,
                    "Session not found: open a new SSE connection"));
        }
        McpSession session = found.get();
        switch (incoming) {
            case Incoming.Invalid(Object error) -> {
                return new Reply.Json(400, error);
            }
            case Incoming.Batch batch -> {
                if (!ProtocolVersions.allowsBatches(session.protocolVersion())) {
                    return new Reply.Json(400, JsonRpcErrors.error(null, JsonRpcErrors.INVALID_REQUEST,
                            "Invalid Request: batches are not part of protocol revision " + session.protocolVersion()));
                }
                batch.items().forEach(item -> accept(server, session, item, facts));
            }
            default -> accept(server, session, incoming, facts);
        }
        return new Reply.Status(202);
    }

    private void accept(ServedMcpServer server, McpSession session, Incoming item, RequestFacts facts) {
        switch (item) {
            case Incoming.Invalid(Object error) -> send(session, writer.write(error));
            case Incoming.Single(JSONRPCRequest request) when McpSchema.METHOD_INITIALIZE.equals(request.method()) ->
                    send(session, writer.write(initialize(server, session, request)));
            case Incoming.Single(JSONRPCRequest request) -> calls.execute(() -> {
                JSONRPCResponse response = messages.request(server, session, request, facts,
                        n -> send(session, writer.writeNotification(n)), REVISIONS);
                send(session, writer.write(response));
            });
            case Incoming.Single(JSONRPCNotification notification) -> messages.notification(session, notification);
            default -> {
                // responses from the client: the gateway sends no requests, nothing to match
            }
        }
    }

    private JSONRPCResponse initialize(ServedMcpServer server, McpSession session, JSONRPCRequest request) {
        try {
            InitializeRequest init = dispatcher.initializeParams(request);
            InitializeResult result = dispatcher.initialize(server, init, REVISIONS);
            session.protocolVersion(result.protocolVersion());
            session.client(new SessionClient(init.clientInfo(), init.capabilities()));
            return JSONRPCResponse.result(request.id(), result);
        } catch (McpProtocolException e) {
            return JsonRpcErrors.response(request.id(), e.code(), e.getMessage());
        }
    }

    private static void send(McpSession session, String data) {
        if (data != null) {
            session.standaloneStream().send(SseEvent.MESSAGE, data);
        }
    }
}
