package dev.mcpgateway.gateway.mcp.protocol;

import dev.mcpgateway.gateway.mcp.session.EventStream;
import java.util.Map;

/** What an exchange answers an HTTP request with; the transport renders it and knows nothing of MCP. */
public sealed interface Reply {

    /** A JSON body ({@code application/json}): a JSON-RPC message or a batch of them. */
    record Json(int status, Object body, Map<String, String> headers) implements Reply {
        public Json(int status, Object body) {
            this(status, body, Map.of());
        }
    }

    /** A body-less answer: 202 for accepted notifications, 204 for a deleted session, 405... */
    record Status(int status) implements Reply {
    }

    /**
     * An SSE stream ({@code text/event-stream}) fed by {@code stream} from after {@code afterSequence}.
     *
     * @param onClientGone run when the client disconnects before the stream ended
     * @param prime        whether to open with an event of empty data naming the stream position: it makes the
     *                     response start at once and lets a client resume (2025-11-25, SEP-1699)
     */
    record Stream(EventStream stream, long afterSequence, Runnable onClientGone, Map<String, String> headers,
                  boolean prime) implements Reply {
        public Stream(EventStream stream, long afterSequence, Runnable onClientGone) {
            this(stream, afterSequence, onClientGone, Map.of(), true);
        }
    }
}
