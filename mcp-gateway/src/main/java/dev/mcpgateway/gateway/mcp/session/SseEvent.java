package dev.mcpgateway.gateway.mcp.session;

/**
 * One server-sent event.
 *
 * @param id   unique within the session ({@code <stream>-<sequence>}); null for events that cannot be resumed
 * @param name the SSE event name ({@code message}, or {@code endpoint} on the legacy transport)
 * @param data the payload, a serialized JSON-RPC message (or the endpoint URI)
 */
public record SseEvent(String id, String name, String data) {
    public static final String MESSAGE = "message";
}
