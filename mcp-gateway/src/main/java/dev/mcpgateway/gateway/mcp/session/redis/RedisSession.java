package dev.mcpgateway.gateway.mcp.session.redis;

import dev.mcpgateway.gateway.mcp.protocol.InFlightCalls;
import dev.mcpgateway.gateway.mcp.session.EventStream;
import dev.mcpgateway.gateway.mcp.session.McpSession;
import dev.mcpgateway.gateway.mcp.session.SessionClient;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import java.util.Map;
import java.util.Optional;

/**
 * One request's view of a shared session, read from its Redis hash in the same round trip that kept it alive;
 * changes are written through, streams are {@link SharedEventStream}s.
 */
final class RedisSession implements McpSession {

    static final String SERVER = "server";
    static final String TRANSPORT = "transport";
    static final String OWNER = "owner";
    static final String VERSION = "version";
    static final String CLIENT = "client";
    static final String LEVEL = "level";
    static final String INITIALIZED = "init";
    static final String SEQUENCE = "seq";
    static final String HOLDER_UNTIL = "holderUntil";

    private final String id;
    private final Map<String, String> fields;
    private final SessionCommands commands;
    private final StreamRelay relay;
    private final ClientCodec clients;

    RedisSession(String id, Map<String, String> fields, SessionCommands commands, StreamRelay relay,
                 ClientCodec clients) {
        this.id = id;
        this.fields = new java.util.concurrent.ConcurrentHashMap<>(fields);
        this.commands = commands;
        this.relay = relay;
        this.clients = clients;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String serverName() {
        return fields.get(SERVER);
    }

    @Override
    public Transport transport() {
        return Transport.valueOf(fields.getOrDefault(TRANSPORT, Transport.STREAMABLE_HTTP.name()));
    }

    @Override
    public Optional<String> ownerSubject() {
        return Optional.ofNullable(fields.get(OWNER));
    }

    @Override
    public String protocolVersion() {
        return fields.get(VERSION);
    }

    @Override
    public void protocolVersion(String negotiated) {
        write(VERSION, negotiated);
    }

    @Override
    public Optional<SessionClient> client() {
        return Optional.ofNullable(fields.get(CLIENT)).map(clients::read);
    }

    @Override
    public void client(SessionClient client) {
        write(CLIENT, clients.write(client));
    }

    @Override
    public LoggingLevel logLevel() {
        String level = fields.get(LEVEL);
        return level == null ? LoggingLevel.INFO : LoggingLevel.valueOf(level);
    }

    @Override
    public void logLevel(LoggingLevel level) {
        write(LEVEL, level.name());
    }

    @Override
    public boolean initialized() {
        return "1".equals(fields.get(INITIALIZED));
    }

    @Override
    public void markInitialized() {
        if (!initialized()) {
            write(INITIALIZED, "1");
        }
    }

    @Override
    public InFlightCalls inFlight() {
        return relay.calls(id);
    }

    @Override
    public void cancel(Object requestId) {
        relay.cancel(id, requestId);
    }

    @Override
    public EventStream standaloneStream() {
        long heldUntil = Long.parseLong(fields.getOrDefault(HOLDER_UNTIL, "0"));
        return stream(STANDALONE_STREAM, heldUntil > System.currentTimeMillis());
    }

    @Override
    public EventStream openRequestStream() {
        // -1 when the session ended meanwhile: the stream then drops what is sent and ends at once when attached
        return stream(Long.toString(commands.openStream(id)), false);
    }

    @Override
    public Optional<Resumption> resumption(String lastEventId) {
        int dash = lastEventId == null ? -1 : lastEventId.indexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        String streamId = lastEventId.substring(0, dash);
        long seq = EventStream.sequenceOf(lastEventId, streamId);
        if (seq < 0 || !(STANDALONE_STREAM.equals(streamId) || commands.streamKnown(id, streamId))) {
            return Optional.empty();
        }
        return Optional.of(new Resumption(STANDALONE_STREAM.equals(streamId) ? standaloneStream()
                : stream(streamId, false), seq));
    }

    private EventStream stream(String streamId, boolean held) {
        return new SharedEventStream(commands, relay, id, streamId,
                Long.parseLong(fields.getOrDefault(SEQUENCE, "0")), held);
    }

    private void write(String field, String value) {
        commands.write(id, field, value);
        fields.put(field, value);
    }
}
