package dev.mcpgateway.gateway.mcp.session;

/** The HTTP connection currently attached to an {@link EventStream}. */
public interface StreamListener {

    void onEvent(SseEvent event);

    /** The stream ended (its final response was sent, or its session ended): close the connection. */
    void onClose();
}
