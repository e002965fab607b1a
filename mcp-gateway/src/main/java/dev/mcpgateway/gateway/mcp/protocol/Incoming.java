package dev.mcpgateway.gateway.mcp.protocol;

import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.util.List;

/** What a POST body turned out to be. */
public sealed interface Incoming {

    /** One well-formed JSON-RPC request, notification or response. */
    record Single(JSONRPCMessage message) implements Incoming {
    }

    /** A JSON array of messages (each already checked, or replaced by the error it earned). */
    record Batch(List<Incoming> items) implements Incoming {
    }

    /** Not JSON, or JSON that is no JSON-RPC message: the error to send back (id null when unknown). */
    record Invalid(Object error) implements Incoming {
    }
}
