package dev.mcpgateway.gateway.mcp.session;

import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.mcp.protocol.JsonRpcErrors;
import dev.mcpgateway.gateway.mcp.protocol.McpDispatcher;
import dev.mcpgateway.gateway.mcp.protocol.McpProtocolException;
import dev.mcpgateway.gateway.mcp.protocol.RequestFacts;
import dev.mcpgateway.gateway.mcp.protocol.RequestScope;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the messages of an established session, whatever transport carries them. */
@Singleton
public class SessionMessages {

    private final McpDispatcher dispatcher;

    public SessionMessages(McpDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Answers one request; never throws: every failure is a JSON-RPC error response. */
    public JSONRPCResponse request(ServedMcpServer server, McpSession session, JSONRPCRequest request,
                                   RequestFacts facts, Consumer<JSONRPCNotification> notifications,
                                   List<String> revisions) {
        if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            return JsonRpcErrors.response(request.id(), JsonRpcErrors.INVALID_REQUEST,
                    "Invalid Request: the session is already initialized");
        }
        RequestScope scope = new RequestScope(session.protocolVersion(), false, facts.caller(), notifications,
                session.inFlight(), session::logLevel, session::logLevel, facts.origin().inSession(session.id(),
                        session.client().map(client -> client.info().name()).orElse(null)));
        try {
            return JSONRPCResponse.result(request.id(), dispatcher.handle(server, request, scope, revisions));
        } catch (McpProtocolException e) {
            return JsonRpcErrors.response(request.id(), e.code(), e.getMessage(), e.data());
        }
    }

    /** Takes a client notification: initialized and cancelled mean something, others are ignored. */
    public void notification(McpSession session, JSONRPCNotification notification) {
        switch (notification.method()) {
            case McpSchema.METHOD_NOTIFICATION_INITIALIZED -> session.markInitialized();
            case "notifications/cancelled" -> {
                if (notification.params() instanceof Map<?, ?> params && params.get("requestId") != null) {
                    session.cancel(params.get("requestId"));
                }
            }
            default -> {
                // Unknown notifications are ignored, as JSON-RPC asks.
            }
        }
    }
}
