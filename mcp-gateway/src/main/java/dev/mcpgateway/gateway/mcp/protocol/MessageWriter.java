package dev.mcpgateway.gateway.mcp.protocol;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serializes outgoing messages, holding each to the configured size: a response too big becomes an error. */
public final class MessageWriter {

    private static final Logger LOG = LoggerFactory.getLogger(MessageWriter.class);

    private final McpJsonMapper mapper;
    private final int maxMessageBytes;

    public MessageWriter(McpJsonMapper mapper, int maxMessageBytes) {
        this.mapper = mapper;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The JSON text of a message or batch; an oversized response is replaced by a -32603 error for its id. */
    public String write(Object message) {
        String text = serialize(message);
        if (text.length() <= maxMessageBytes) {
            return text;
        }
        LOG.warn("outgoing MCP message of {} chars exceeds gateway.mcp.max-event-bytes {}", text.length(), maxMessageBytes);
        Object id = message instanceof JSONRPCResponse response ? response.id() : null;
        return serialize(JsonRpcErrors.response(id, JsonRpcErrors.INTERNAL_ERROR,
                "Internal error: the result exceeds the gateway's message size limit"));
    }

    /** The JSON text of a notification, or null when it is too big to send (it is dropped). */
    public String writeNotification(Object notification) {
        String text = serialize(notification);
        return text.length() <= maxMessageBytes ? text : null;
    }

    private String serialize(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
