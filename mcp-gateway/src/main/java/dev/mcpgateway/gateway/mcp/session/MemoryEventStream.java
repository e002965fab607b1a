package dev.mcpgateway.gateway.mcp.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link EventStream} held in this JVM (the embedded default, and the stateless revision's streams): events are
 * numbered from the session's counter and the last few are kept in a deque, so a client that reconnects with
 * {@code Last-Event-ID} gets exactly what this stream sent after that id -- never another stream's messages.
 */
public final class MemoryEventStream implements EventStream {

    private final String streamId;
    private final int capacity;
    private final AtomicLong sequence;
    private final ArrayDeque<Numbered> replay = new ArrayDeque<>();
    private StreamListener listener;
    private boolean closed;

    private record Numbered(long seq, SseEvent event) {
    }

    /**
     * @param sequence the counter numbering events, shared by all streams of a session so ids stay unique in it
     */
    public MemoryEventStream(String streamId, int capacity, AtomicLong sequence) {
        this.streamId = streamId;
        this.capacity = Math.max(1, capacity);
        this.sequence = sequence;
    }

    @Override
    public String id() {
        return streamId;
    }

    /** Sends a message on the stream now, or keeps it for a later reconnection when no connection is attached. */
    @Override
    public synchronized void send(String eventName, String data) {
        if (closed) {
            return;
        }
        long seq = sequence.incrementAndGet();
        SseEvent event = new SseEvent(streamId + "-" + seq, eventName, data);
        replay.addLast(new Numbered(seq, event));
        while (replay.size() > capacity) {
            replay.removeFirst();
        }
        if (listener != null) {
            listener.onEvent(event);
        }
    }

    /**
     * Attaches a connection, first replaying what was sent after {@code afterSequence} (-1: replay nothing). A newer
     * connection replaces an older one.
     *
     * @return false when the stream already ended and has nothing left to replay
     */
    @Override
    public synchronized boolean attach(StreamListener newListener, long afterSequence) {
        List<SseEvent> missed = new ArrayList<>();
        if (afterSequence >= 0) {
            replay.stream().filter(n -> n.seq() > afterSequence).forEach(n -> missed.add(n.event()));
        }
        if (closed && missed.isEmpty()) {
            return false;
        }
        StreamListener previous = listener;
        listener = newListener;
        if (previous != null) {
            previous.onClose();
        }
        missed.forEach(newListener::onEvent);
        if (closed) {
            listener = null;
            newListener.onClose();
        }
        return true;
    }

    /** The connection went away; the stream goes on buffering for a reconnection. */
    @Override
    public synchronized void detach(StreamListener gone) {
        if (listener == gone) {
            listener = null;
        }
    }

    @Override
    public synchronized boolean isAttached() {
        return listener != null;
    }

    /** Ends the stream after its last message; the replay buffer stays for clients that reconnect. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (listener != null) {
            listener.onClose();
            listener = null;
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * The event id naming a position in this stream: after {@code afterSequence}, or "now" for
     * {@link Long#MAX_VALUE}. Sent in a priming event, it lets a client resume from where it connected.
     */
    @Override
    public String positionId(long afterSequence) {
        return streamId + "-" + (afterSequence == Long.MAX_VALUE ? sequence.get() : afterSequence);
    }
}
