package dev.mcpgateway.gateway.mcp;

import dev.mcpgateway.gateway.catalog.McpServerCatalog;
import dev.mcpgateway.gateway.mcp.protocol.MessageWriter;
import dev.mcpgateway.gateway.mcp.session.McpSession;
import dev.mcpgateway.gateway.mcp.session.SessionStore;
import dev.mcpgateway.gateway.mcp.session.SseEvent;
import dev.mcpgateway.gateway.mcp.stateless.ListenRegistry;
import io.micronaut.context.annotation.Context;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import jakarta.annotation.PreDestroy;

/**
 * Tells every connected client of a server that its tools changed: sessions on their standalone stream (GET or the
 * legacy SSE connection), stateless clients on their {@code subscriptions/listen} streams.
 */
@Context
public class ToolsChangedNotifier {

    private final SessionStore sessions;
    private final ListenRegistry listeners;
    private final String listChanged;
    private final McpServerCatalog.Subscription subscription;

    public ToolsChangedNotifier(McpServerCatalog catalog, SessionStore sessions, ListenRegistry listeners,
                                MessageWriter writer) {
        this.sessions = sessions;
        this.listeners = listeners;
        this.listChanged = writer.write(new JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED, null));
        this.subscription = catalog.onToolsChanged(this::toolsChanged);
    }

    void toolsChanged(String serverName) {
        for (McpSession session : sessions.sessionsOf(serverName)) {
            session.standaloneStream().send(SseEvent.MESSAGE, listChanged);
        }
        listeners.toolsChanged(serverName);
    }

    @PreDestroy
    void close() {
        subscription.close();
    }
}
