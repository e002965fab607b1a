package dev.mcpgateway.gateway.mcp.session.redis;

import dev.mcpgateway.gateway.mcp.protocol.InFlightCalls;
import dev.mcpgateway.gateway.mcp.session.McpSession;
import dev.mcpgateway.gateway.mcp.session.StreamListener;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's side of shared streams: the connections it holds, fed from Redis pub/sub (one channel per
 * session, subscribed while a connection of that session is here), and the control channel on which a session's
 * end and its calls' cancellations reach every instance.
 */
final class StreamRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRelay.class);

    private final SessionCommands commands;
    private final SessionKeys keys;
    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final Map<String, Map<String, Attachment>> attached = new ConcurrentHashMap<>();
    private final LocalCalls calls = new LocalCalls();

    StreamRelay(RedisClient client, SessionCommands commands) {
        this.commands = commands;
        this.keys = commands.keys();
        this.pubsub = client.connectPubSub();
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                try {
                    receive(channel, message);
                } catch (RuntimeException e) {
                    LOG.warn("ignoring a malformed session message on {}", channel, e);
                }
            }
        });
        pubsub.sync().subscribe(keys.control());
    }

    /** Attaches a connection of this instance; the replay and subscription happen off the caller's thread. */
    void attach(String sessionId, String streamId, StreamListener listener, long after) {
        String token = UUID.randomUUID().toString();
        Attachment attachment = new Attachment(sessionId, streamId, token, listener, after, this::ended);
        Thread.ofVirtual().name("mcp-attach").start(() -> {
            try {
                Attachment replaced;
                RedisFuture<Void> subscribed = null;
                synchronized (this) {
                    Map<String, Attachment> streams = attached.computeIfAbsent(sessionId, k -> new ConcurrentHashMap<>());
                    if (streams.isEmpty()) {
                        // issued under the lock so it cannot overtake the unsubscribe of a session's last connection
                        subscribed = pubsub.async().subscribe(keys.channel(sessionId));
                    }
                    replaced = streams.put(streamId, attachment);
                }
                if (replaced != null) {
                    replaced.close();
                }
                if (subscribed != null) {
                    subscribed.get(10, TimeUnit.SECONDS);
                }
                // connections to this stream on other instances close: a newer one replaces them, as in memory
                commands.publish(keys.channel(sessionId), "a\n" + streamId + "\n" + token);
                if (McpSession.STANDALONE_STREAM.equals(streamId)) {
                    commands.hold(sessionId, token, true);
                }
                SessionCommands.StoredStream stored = commands.read(sessionId, streamId);
                attachment.replay(new Attachment.CommandsReplay(stored.open(), stored.events()));
            } catch (Exception e) {
                LOG.warn("could not attach to stream {} of a session", streamId, e);
                attachment.close();
            }
        });
    }

    /** The connection went away; the stream stays in Redis for a reconnection. */
    void detach(String sessionId, String streamId, StreamListener listener) {
        Map<String, Attachment> streams = attached.get(sessionId);
        Attachment attachment = streams == null ? null : streams.get(streamId);
        if (attachment != null && attachment.listener == listener) {
            attachment.abandon();
            ended(attachment);
        }
    }

    private void ended(Attachment attachment) {
        boolean unsubscribe = false;
        synchronized (this) {
            Map<String, Attachment> streams = attached.get(attachment.sessionId);
            if (streams != null && streams.remove(attachment.streamId, attachment) && streams.isEmpty()) {
                attached.remove(attachment.sessionId);
                unsubscribe = true;
            }
            if (unsubscribe) {
                pubsub.async().unsubscribe(keys.channel(attachment.sessionId));
            }
        }
        if (McpSession.STANDALONE_STREAM.equals(attachment.streamId)) {
            Thread.ofVirtual().name("mcp-release").start(() -> release(attachment));
        }
    }

    private void release(Attachment attachment) {
        try {
            commands.release(attachment.sessionId, attachment.token);
        } catch (RuntimeException e) {
            LOG.debug("could not release a stream hold (it lapses on its own)", e);
        }
    }

    /** Renews this instance's holds on standalone streams, so their sessions stay alive while connected. */
    void renewHolds() {
        attached.values().forEach(streams -> {
            Attachment standalone = streams.get(McpSession.STANDALONE_STREAM);
            if (standalone != null && !standalone.ended()) {
                commands.hold(standalone.sessionId, standalone.token, false);
            }
        });
        calls.sweep();
    }

    InFlightCalls calls(String sessionId) {
        return calls.of(sessionId);
    }

    /** Cancels a call of a session on whichever instance runs it. */
    void cancel(String sessionId, Object requestId) {
        String id = requestId instanceof Number n ? "n" + n.longValue() : "s" + requestId;
        commands.publish(keys.control(), "cancel\n" + sessionId + "\n" + id);
    }

    private void receive(String channel, String message) {
        List<String> parts = List.of(message.split("\n", 3));
        if (channel.equals(keys.control())) {
            switch (parts.getFirst()) {
                case "end" -> endLocally(parts.get(1));
                case "cancel" -> calls.cancel(parts.get(1), parts.get(2).startsWith("n")
                        ? Long.parseLong(parts.get(2).substring(1)) : parts.get(2).substring(1));
                default -> LOG.debug("unknown control message");
            }
            return;
        }
        String sessionId = channel.substring(keys.channel("").length());
        Map<String, Attachment> streams = attached.get(sessionId);
        Attachment attachment = streams == null ? null : streams.get(parts.get(1));
        if (attachment == null) {
            return;
        }
        switch (parts.getFirst()) {
            case "e" -> attachment.event(StoredEvent.parse(parts.get(2)));
            case "c" -> attachment.close();
            case "a" -> {
                if (!attachment.token.equals(parts.get(2))) {
                    attachment.close();
                }
            }
            default -> LOG.debug("unknown stream message");
        }
    }

    /** The session ended (on any instance): its connections here close and its calls here are cancelled. */
    private void endLocally(String sessionId) {
        calls.cancelAll(sessionId);
        Map<String, Attachment> streams = attached.get(sessionId);
        if (streams != null) {
            List.copyOf(streams.values()).forEach(Attachment::close);
        }
    }

    @Override
    public void close() {
        pubsub.close();
    }
}
