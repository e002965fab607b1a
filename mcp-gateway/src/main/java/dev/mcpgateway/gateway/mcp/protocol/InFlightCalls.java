package dev.mcpgateway.gateway.mcp.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tool calls of one session still running, by JSON-RPC request id, so a cancellation can reach them. */
public final class InFlightCalls {

    private final Map<Object, RequestCallContext> calls = new ConcurrentHashMap<>();

    void started(Object requestId, RequestCallContext context) {
        calls.put(key(requestId), context);
    }

    void finished(Object requestId) {
        calls.remove(key(requestId));
    }

    /** Marks the call cancelled; unknown or finished ids are ignored, as the spec asks. */
    public void cancel(Object requestId) {
        RequestCallContext context = calls.get(key(requestId));
        if (context != null) {
            context.cancel();
        }
    }

    /** Marks every running call cancelled (the session ended). */
    public void cancelAll() {
        calls.values().forEach(RequestCallContext::cancel);
    }

    public int size() {
        return calls.size();
    }

    // 1 and 1L must meet: ids arrive as Integer or Long depending on size.
    private static Object key(Object id) {
        return id instanceof Number n ? n.longValue() : id;
    }
}
