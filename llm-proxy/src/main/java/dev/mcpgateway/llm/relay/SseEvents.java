package dev.mcpgateway.llm.relay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Cuts a relayed SSE byte stream into whole events as they complete, hands each event's {@code data} to a filter
 * (the usage meter), and returns the bytes of the events to forward, unchanged. Holds at most one unfinished event,
 * of at most {@code maxEventBytes}.
 * Not thread-safe: one per stream, fed in order.
 */
public final class SseEvents {

    /** Default bound on one held event: a backend that never ends an event cannot make the proxy hold the stream. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

    private final Predicate<String> keep;
    private final int maxEventBytes;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** @param keep receives each event's data (lines joined with \n); false drops the event */
    public SseEvents(Predicate<String> keep) {
        this(keep, DEFAULT_MAX_EVENT_BYTES);
    }

    public SseEvents(Predicate<String> keep, int maxEventBytes) {
        this.keep = keep;
        this.maxEventBytes = maxEventBytes;
    }

    /** The forwardable bytes of every event this chunk completed (possibly none). */
    public byte[] feed(byte[] chunk) {
        pending.writeBytes(chunk);
        byte[] buffer = pending.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(buffer.length);
        int start = 0;
        int end;
        while ((end = eventEnd(buffer, start)) > 0) {
            String event = new String(buffer, start, end - start, StandardCharsets.UTF_8);
            String data = data(event);
            if (data == null || keep.test(data)) {
                out.write(buffer, start, end - start);
            }
            start = end;
        }
        pending.reset();
        if (buffer.length - start > maxEventBytes) {
            // an oversized event is passed on unread rather than held: relayed, not metered
            out.write(buffer, start, buffer.length - start);
        } else {
            pending.write(buffer, start, buffer.length - start);
        }
        return out.toByteArray();
    }

    /** What is left of an unfinished event when the stream ends (forwarded as is). */
    public byte[] rest() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        return rest;
    }

    /** The index just past the blank line ending the event that starts at {@code from}, or -1. */
    private static int eventEnd(byte[] b, int from) {
        for (int i = from; i < b.length - 1; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i + 2;
            }
            if (b[i] == '\n' && b[i + 1] == '\r' && i + 2 < b.length && b[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private static String data(String event) {
        StringBuilder data = null;
        for (String line : event.split("\r?\n")) {
            if (line.startsWith("data:")) {
                String value = line.substring(5);
                value = value.startsWith(" ") ? value.substring(1) : value;
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return data == null ? null : data.toString();
    }
}
