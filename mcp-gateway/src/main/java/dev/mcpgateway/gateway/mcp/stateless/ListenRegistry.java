package dev.mcpgateway.gateway.mcp.stateless;

import dev.mcpgateway.gateway.mcp.protocol.MessageWriter;
import dev.mcpgateway.gateway.mcp.session.EventStream;
import dev.mcpgateway.gateway.mcp.session.SseEvent;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open {@code subscriptions/listen} streams (2026-07-28), by MCP server. */
@Singleton
public class ListenRegistry {

    static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    private record Listener(EventStream stream, Object subscriptionId) {
    }

    private final Map<String, Set<Listener>> byServer = new ConcurrentHashMap<>();
    private final MessageWriter writer;

    public ListenRegistry(MessageWriter writer) {
        this.writer = writer;
    }

    /** Registers a stream that opted in to tool list changes; the returned action unregisters it. */
    Runnable add(String serverName, EventStream stream, Object subscriptionId) {
        Listener listener = new Listener(stream, subscriptionId);
        byServer.computeIfAbsent(serverName, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> {
            Set<Listener> listeners = byServer.get(serverName);
            if (listeners != null) {
                listeners.remove(listener);
            }
            stream.close();
        };
    }

    /** Sends {@code notifications/tools/list_changed} on every listen stream of the server. */
    public void toolsChanged(String serverName) {
        byServer.getOrDefault(serverName, Set.of()).forEach(listener -> listener.stream().send(SseEvent.MESSAGE,
                writer.write(new JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                        McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED,
                        Map.of("_meta", Map.of(SUBSCRIPTION_ID, listener.subscriptionId()))))));
    }

    public int size() {
        return byServer.values().stream().mapToInt(Set::size).sum();
    }
}
