package dev.mcpgateway.gateway.mcp.session.redis;

import dev.mcpgateway.gateway.mcp.session.EventStream;
import dev.mcpgateway.gateway.mcp.session.StreamListener;

/**
 * A stream of a shared session: its events are stored in Redis (bounded by count and age) and published on the
 * session's channel, so the instance holding the connection delivers them and a client may resume on any instance.
 * A handle only: cheap to make, nothing held in it.
 */
final class SharedEventStream implements EventStream {

    private final SessionCommands commands;
    private final StreamRelay relay;
    private final String sessionId;
    private final String streamId;
    private final long position;
    private final boolean held;

    /**
     * @param position the session's last event sequence when this view was read: "now" for a fresh connection
     * @param held     whether a connection holds this stream on some instance (standalone stream only)
     */
    SharedEventStream(SessionCommands commands, StreamRelay relay, String sessionId, String streamId, long position,
                      boolean held) {
        this.commands = commands;
        this.relay = relay;
        this.sessionId = sessionId;
        this.streamId = streamId;
        this.position = position;
        this.held = held;
    }

    @Override
    public String id() {
        return streamId;
    }

    @Override
    public void send(String eventName, String data) {
        // a session or stream that ended meanwhile drops the event, as a closed in-memory stream does
        commands.append(sessionId, streamId, eventName, data);
    }

    @Override
    public boolean attach(StreamListener listener, long afterSequence) {
        relay.attach(sessionId, streamId, listener, afterSequence == Long.MAX_VALUE ? position : afterSequence);
        return true;
    }

    @Override
    public void detach(StreamListener gone) {
        relay.detach(sessionId, streamId, gone);
    }

    @Override
    public boolean isAttached() {
        return held;
    }

    @Override
    public void close() {
        commands.closeStream(sessionId, streamId);
    }

    @Override
    public String positionId(long afterSequence) {
        return streamId + "-" + (afterSequence == Long.MAX_VALUE ? position : afterSequence);
    }
}
