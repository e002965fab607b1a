package dev.mcpgateway.gateway.mcp.session.redis;

import dev.mcpgateway.gateway.mcp.session.StreamListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One connection of this instance attached to a shared stream. Events reach it from two sides -- the replay read
 * from Redis and the live messages of the session's channel -- so it holds live messages back until the replay is
 * delivered, and drops whatever it already sent (by sequence): each event once, in order.
 */
final class Attachment {

    final String sessionId;
    final String streamId;
    final String token;
    final StreamListener listener;
    private final Consumer<Attachment> onEnd;
    private final List<StoredEvent> heldBack = new ArrayList<>();
    private boolean replaying = true;
    private boolean closeHeldBack;
    private boolean ended;
    private long delivered;

    Attachment(String sessionId, String streamId, String token, StreamListener listener, long after,
               Consumer<Attachment> onEnd) {
        this.sessionId = sessionId;
        this.streamId = streamId;
        this.token = token;
        this.listener = listener;
        this.delivered = after;
        this.onEnd = onEnd;
    }

    /** Delivers what Redis kept after the resumption point, then what arrived meanwhile; ends a finished stream. */
    void replay(CommandsReplay stored) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (delivered >= 0) {
                stored.events().forEach(this::deliver);
            }
            heldBack.forEach(this::deliver);
            heldBack.clear();
            replaying = false;
            if (!stored.open() || closeHeldBack) {
                closeNow();
            }
        }
        finished();
    }

    /** A live event from the session's channel. */
    synchronized void event(StoredEvent event) {
        if (replaying) {
            heldBack.add(event);
        } else if (!ended) {
            deliver(event);
        }
    }

    /** The stream ended (its last event was sent), or another connection took it over. */
    void close() {
        synchronized (this) {
            if (replaying) {
                closeHeldBack = true;
                return;
            }
            closeNow();
        }
        finished();
    }

    /** The connection went away: nothing more is delivered to it, and it is not told to close. */
    synchronized void abandon() {
        ended = true;
    }

    synchronized boolean ended() {
        return ended;
    }

    private void deliver(StoredEvent event) {
        if (event.seq() > delivered) {
            delivered = event.seq();
            listener.onEvent(event.toSse(streamId));
        }
    }

    private void closeNow() {
        if (!ended) {
            ended = true;
            listener.onClose();
        }
    }

    private void finished() {
        if (ended()) {
            onEnd.accept(this);
        }
    }

    /** What the replay found: whether the stream is still open, and its stored events. */
    record CommandsReplay(boolean open, List<StoredEvent> events) {
    }
}
