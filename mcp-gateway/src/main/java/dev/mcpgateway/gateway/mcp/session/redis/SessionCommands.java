package dev.mcpgateway.gateway.mcp.session.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every Redis command the shared session store sends, each one round trip (a script where several keys move). */
final class SessionCommands {

    /** Request streams kept per session beyond which the oldest finished ones are forgotten (as in memory). */
    private static final int KEPT_STREAMS = 32;

    private final RedisCommands<String, String> redis;
    private final SessionKeys keys;
    private final SessionLimits limits;

    SessionCommands(StatefulRedisConnection<String, String> connection, SessionKeys keys, SessionLimits limits) {
        this.redis = connection.sync();
        this.keys = keys;
        this.limits = limits;
    }

    SessionKeys keys() {
        return keys;
    }

    SessionLimits limits() {
        return limits;
    }

    boolean create(String id, String serverName, Map<String, String> fields) {
        List<String> args = new ArrayList<>(List.of(now(), Long.toString(limits.idleMillis()),
                Integer.toString(limits.maxSessions()), id));
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        Long created = SessionScripts.CREATE.run(redis, ScriptOutputType.INTEGER,
                new String[] {keys.index(), keys.session(id), keys.server(serverName)}, args.toArray(String[]::new));
        return created == 1;
    }

    /** The session's fields, counting as activity; empty when it is gone. */
    Map<String, String> find(String id) {
        List<String> flat = SessionScripts.FIND.run(redis, ScriptOutputType.MULTI,
                new String[] {keys.session(id), keys.index()}, now(), Long.toString(limits.idleMillis()), id);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(flat.get(i), flat.get(i + 1));
        }
        return fields;
    }

    /** The session's fields without counting as activity. */
    Map<String, String> peek(String id) {
        return redis.hgetall(keys.session(id));
    }

    boolean remove(String id) {
        Long existed = SessionScripts.REMOVE.run(redis, ScriptOutputType.INTEGER,
                new String[] {keys.session(id), keys.index(), keys.streamStates(id), keys.streamOrder(id)},
                id, keys.eventsBase(id), keys.control(), keys.serverBase());
        return existed == 1;
    }

    Set<String> members(String serverName) {
        return redis.smembers(keys.server(serverName));
    }

    void forget(String serverName, String id) {
        redis.srem(keys.server(serverName), id);
    }

    /** Writes one field of a live session (never recreates an expired one). */
    void write(String id, String field, String value) {
        redis.eval("if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end",
                ScriptOutputType.STATUS, new String[] {keys.session(id)}, field, value);
    }

    long openStream(String id) {
        return SessionScripts.OPEN_STREAM.run(redis, ScriptOutputType.INTEGER,
                new String[] {keys.session(id), keys.streamStates(id), keys.streamOrder(id)},
                Long.toString(limits.streamStateMillis()), Integer.toString(KEPT_STREAMS), keys.eventsBase(id));
    }

    boolean streamKnown(String id, String streamId) {
        return redis.hexists(keys.streamStates(id), streamId);
    }

    long append(String id, String streamId, String name, String data) {
        return SessionScripts.APPEND.run(redis, ScriptOutputType.INTEGER,
                new String[] {keys.session(id), keys.streamStates(id), keys.events(id, streamId)},
                streamId, name, data, Integer.toString(limits.replayCapacity()),
                Long.toString(limits.maxAgeMillis()), now(), keys.channel(id));
    }

    void closeStream(String id, String streamId) {
        SessionScripts.CLOSE_STREAM.run(redis, ScriptOutputType.INTEGER, new String[] {keys.streamStates(id)},
                streamId, keys.channel(id), Long.toString(limits.streamStateMillis()));
    }

    /** The stream's state ("o", "c" or "gone") and its stored events, oldest first, within the age bound. */
    StoredStream read(String id, String streamId) {
        List<String> out = SessionScripts.READ_STREAM.run(redis, ScriptOutputType.MULTI,
                new String[] {keys.session(id), keys.streamStates(id), keys.events(id, streamId)}, streamId);
        long oldest = System.currentTimeMillis() - limits.maxAgeMillis();
        List<StoredEvent> events = out.stream().skip(1).map(StoredEvent::parse)
                .filter(e -> e.storedAt() >= oldest).toList();
        return new StoredStream(out.isEmpty() ? "gone" : out.getFirst(), events);
    }

    record StoredStream(String state, List<StoredEvent> events) {
        boolean open() {
            return "o".equals(state);
        }
    }

    /** Marks this instance's connection as the holder of the session's standalone stream, keeping it alive. */
    boolean hold(String id, String token, boolean takeOver) {
        long now = System.currentTimeMillis();
        Long held = SessionScripts.HOLD.run(redis, ScriptOutputType.INTEGER,
                new String[] {keys.session(id), keys.index()}, token,
                Long.toString(now + limits.holdMillis()), Long.toString(limits.idleMillis()), id,
                Long.toString(now), takeOver ? "1" : "0");
        return held == 1;
    }

    void release(String id, String token) {
        SessionScripts.RELEASE.run(redis, ScriptOutputType.INTEGER, new String[] {keys.session(id)}, token);
    }

    boolean announce(String serverName, String fingerprint) {
        Long first = SessionScripts.ANNOUNCE.run(redis, ScriptOutputType.INTEGER,
                new String[] {keys.announced(serverName)}, fingerprint);
        return first == 1;
    }

    void publish(String channel, String message) {
        redis.publish(channel, message);
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis());
    }
}
