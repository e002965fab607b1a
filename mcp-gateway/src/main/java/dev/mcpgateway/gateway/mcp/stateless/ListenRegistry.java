package dev.mcpgateway.gateway.mcp.stateless;

import dev.mcpgateway.gateway.mcp.protocol.MessageWriter;
import dev.mcpgateway.gateway.mcp.protocol.Reply;
import dev.mcpgateway.gateway.mcp.session.EventStream;
import dev.mcpgateway.gateway.mcp.session.MemoryEventStream;
import dev.mcpgateway.gateway.mcp.session.SseEvent;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The open {@code subscriptions/listen} streams (2026-07-28), by MCP server. */
@Singleton
public class ListenRegistry {

    static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    private record Listener(EventStream stream, Object subscriptionId) {
    }

    private final Map<String, Set<Listener>> byServer = new ConcurrentHashMap<>();
    private final MessageWriter writer;
    private final AtomicLong streams = new AtomicLong();

    public ListenRegistry(MessageWriter writer) {
        this.writer = writer;
    }

    /**
     * Opens a {@code subscriptions/listen} stream: it acknowledges what the gateway will send (tool list changes
     * only: it has no prompts or resources), then stays open until the client leaves.
     */
    Reply open(String serverName, JSONRPCRequest request) {
        boolean tools = request.params() instanceof Map<?, ?> params
                && params.get("notifications") instanceof Map<?, ?> filter
                && Boolean.TRUE.equals(filter.get("toolsListChanged"));
        EventStream events = new MemoryEventStream("l" + streams.incrementAndGet(), 1, new AtomicLong());
        Map<String, Object> agreed = tools ? Map.of("toolsListChanged", true) : Map.of();
        events.send(SseEvent.MESSAGE, writer.write(new JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                "notifications/subscriptions/acknowledged",
                Map.of("notifications", agreed, "_meta", Map.of(SUBSCRIPTION_ID, request.id())))));
        // A stream that asked for nothing the gateway sends stays open and silent until the client leaves.
        Runnable unregister = tools ? add(serverName, events, request.id()) : events::close;
        return new Reply.Stream(events, 0, unregister, Reply.Opening.NONE);
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

    /** Closes every listen stream of a server that no longer exists. */
    public void closeAll(String serverName) {
        Set<Listener> listeners = byServer.remove(serverName);
        if (listeners != null) {
            listeners.forEach(listener -> listener.stream().close());
        }
    }

    public int size() {
        return byServer.values().stream().mapToInt(Set::size).sum();
    }
}
