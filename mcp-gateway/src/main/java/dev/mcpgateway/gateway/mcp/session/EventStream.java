package dev.mcpgateway.gateway.mcp.session;

/**
 * One SSE stream of a session (a POST response stream or the standalone GET stream), independent of the HTTP
 * connection carrying it: events carry session-unique ids ({@code <stream>-<sequence>}) and the last few are kept,
 * so a client that reconnects with {@code Last-Event-ID} gets exactly what this stream sent after that id. Held in
 * memory ({@link MemoryEventStream}) or, in scale-out, in Redis with delivery to whichever instance holds the
 * connection.
 */
public interface EventStream {

    String id();

    /** Sends a message on the stream now, or keeps it for a later reconnection when no connection is attached. */
    void send(String eventName, String data);

    /**
     * Attaches a connection, first replaying what was sent after {@code afterSequence} (-1: replay nothing;
     * {@link Long#MAX_VALUE}: from "now"). A newer connection replaces an older one.
     *
     * @return false when the stream already ended and has nothing left to replay
     */
    boolean attach(StreamListener listener, long afterSequence);

    /** The connection went away; the stream goes on buffering for a reconnection. */
    void detach(StreamListener gone);

    /** Whether a connection is attached (anywhere, for a shared stream). */
    boolean isAttached();

    /** Ends the stream after its last message; the replay buffer stays for clients that reconnect. */
    void close();

    /**
     * The event id naming a position in this stream: after {@code afterSequence}, or "now" for
     * {@link Long#MAX_VALUE}. Sent in a priming event, it lets a client resume from where it connected.
     */
    String positionId(long afterSequence);

    /** Parses the sequence out of an event id of a stream, -1 when the id belongs elsewhere. */
    static long sequenceOf(String eventId, String streamId) {
        String prefix = streamId + "-";
        if (eventId == null || !eventId.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(eventId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
