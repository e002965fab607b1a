package dev.mcpgateway.gateway.mcp.session.redis;

import dev.mcpgateway.gateway.mcp.session.SseEvent;

/**
 * One event as the scripts store and publish it: {@code seq \n epoch-millis \n name \n data} (data last, so it may
 * hold anything; names never hold a newline).
 */
record StoredEvent(long seq, long storedAt, String name, String data) {

    static StoredEvent parse(String entry) {
        int a = entry.indexOf('\n');
        int b = entry.indexOf('\n', a + 1);
        int c = entry.indexOf('\n', b + 1);
        if (a < 0 || b < 0 || c < 0) {
            throw new IllegalArgumentException("not a stored event");
        }
        return new StoredEvent(Long.parseLong(entry.substring(0, a)), Long.parseLong(entry.substring(a + 1, b)),
                entry.substring(b + 1, c), entry.substring(c + 1));
    }

    SseEvent toSse(String streamId) {
        return new SseEvent(streamId + "-" + seq, name, data);
    }
}
