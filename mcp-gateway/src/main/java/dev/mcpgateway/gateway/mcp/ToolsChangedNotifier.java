package dev.mcpgateway.gateway.mcp;

import dev.mcpgateway.gateway.catalog.McpServerCatalog;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.mcp.protocol.MessageWriter;
import dev.mcpgateway.gateway.mcp.session.McpSession;
import dev.mcpgateway.gateway.mcp.session.SessionStore;
import dev.mcpgateway.gateway.mcp.session.SseEvent;
import dev.mcpgateway.gateway.mcp.stateless.ListenRegistry;
import io.micronaut.context.annotation.Context;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Tells every connected client of a server that its tools changed: sessions on their standalone stream (GET or the
 * legacy SSE connection), stateless clients on their {@code subscriptions/listen} streams.
 */
@Context
public class ToolsChangedNotifier {

    private final McpServerCatalog catalog;
    private final SessionStore sessions;
    private final ListenRegistry listeners;
    private final String listChanged;
    private final McpJsonMapper mapper;
    private final McpServerCatalog.Subscription subscription;

    public ToolsChangedNotifier(McpServerCatalog catalog, SessionStore sessions, ListenRegistry listeners,
                                MessageWriter writer, McpJsonMapper mapper) {
        this.mapper = mapper;
        this.catalog = catalog;
        this.sessions = sessions;
        this.listeners = listeners;
        this.listChanged = writer.write(new JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED, null));
        this.subscription = catalog.onToolsChanged(this::toolsChanged);
    }

    void toolsChanged(String serverName) {
        Optional<ServedMcpServer> server = catalog.find(serverName);
        boolean removed = server.isEmpty();
        // With shared sessions every instance hears the change; only the first to see this tool list tells them.
        if (sessions.firstToAnnounce(serverName, () -> fingerprint(server))) {
            for (McpSession session : sessions.sessionsOf(serverName)) {
                session.standaloneStream().send(SseEvent.MESSAGE, listChanged);
                if (removed) {
                    // The server is gone: its sessions end, their open streams close, later requests get 404.
                    sessions.remove(session.id());
                }
            }
        }
        listeners.toolsChanged(serverName);
        if (removed) {
            listeners.closeAll(serverName);
        }
    }

    /** Names a tool list: equal on every instance that serves the same tools. */
    private String fingerprint(Optional<ServedMcpServer> server) {
        if (server.isEmpty()) {
            return "removed";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(server.get().tools()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the tools of " + server.get().name(), e);
        }
    }

    @PreDestroy
    void close() {
        subscription.close();
    }
}
