package dev.mcpgateway.gateway.mcp.session;

import dev.mcpgateway.gateway.mcp.protocol.InFlightCalls;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A session of the embedded store: one object for the session's whole life, its streams in memory. */
public final class MemorySession implements McpSession {

    static final int KEPT_STREAMS = 32;

    private final String id;
    private final String serverName;
    private final Transport transport;
    private final Optional<String> ownerSubject;
    private final int replayCapacity;
    private final AtomicLong eventSequence = new AtomicLong();
    private final AtomicLong streamCounter = new AtomicLong();
    private final InFlightCalls inFlight = new InFlightCalls();
    private final Map<String, MemoryEventStream> streams = new LinkedHashMap<>();
    private final MemoryEventStream standalone;
    private volatile SessionClient client;
    private volatile String protocolVersion;
    private volatile LoggingLevel logLevel = LoggingLevel.INFO;
    private volatile boolean initialized;
    private volatile long lastSeenMillis = System.currentTimeMillis();

    public MemorySession(String id, NewSession start, int replayCapacity) {
        this.id = id;
        this.serverName = start.serverName();
        this.transport = start.transport();
        this.protocolVersion = start.protocolVersion();
        this.ownerSubject = start.ownerSubject();
        this.client = start.client().orElse(null);
        this.replayCapacity = replayCapacity;
        this.standalone = new MemoryEventStream(STANDALONE_STREAM, replayCapacity, eventSequence);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String serverName() {
        return serverName;
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public Optional<String> ownerSubject() {
        return ownerSubject;
    }

    @Override
    public String protocolVersion() {
        return protocolVersion;
    }

    @Override
    public void protocolVersion(String negotiated) {
        this.protocolVersion = negotiated;
    }

    @Override
    public LoggingLevel logLevel() {
        return logLevel;
    }

    @Override
    public void logLevel(LoggingLevel level) {
        this.logLevel = level;
    }

    @Override
    public boolean initialized() {
        return initialized;
    }

    @Override
    public void markInitialized() {
        this.initialized = true;
    }

    @Override
    public InFlightCalls inFlight() {
        return inFlight;
    }

    @Override
    public MemoryEventStream standaloneStream() {
        return standalone;
    }

    @Override
    public Optional<SessionClient> client() {
        return Optional.ofNullable(client);
    }

    @Override
    public void client(SessionClient described) {
        this.client = described;
    }

    @Override
    public void cancel(Object requestId) {
        inFlight.cancel(requestId);
    }

    @Override
    public synchronized EventStream openRequestStream() {
        String streamId = Long.toString(streamCounter.incrementAndGet());
        MemoryEventStream stream = new MemoryEventStream(streamId, replayCapacity, eventSequence);
        streams.put(streamId, stream);
        if (streams.size() > KEPT_STREAMS) {
            streams.entrySet().removeIf(e -> e.getValue().isClosed() && streams.size() > KEPT_STREAMS);
        }
        return stream;
    }

    @Override
    public synchronized Optional<Resumption> resumption(String lastEventId) {
        int dash = lastEventId == null ? -1 : lastEventId.indexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        String streamId = lastEventId.substring(0, dash);
        MemoryEventStream stream = STANDALONE_STREAM.equals(streamId) ? standalone : streams.get(streamId);
        long seq = stream == null ? -1 : EventStream.sequenceOf(lastEventId, streamId);
        return seq < 0 ? Optional.empty() : Optional.of(new Resumption(stream, seq));
    }

    /** Marks the session used now: one plain write, since every request of the session does it. */
    public void touch() {
        lastSeenMillis = System.currentTimeMillis();
    }

    /** Whether the session was last used more than {@code idleMillis} before {@code nowMillis}. */
    boolean idleSince(long nowMillis, long idleMillis) {
        return nowMillis - lastSeenMillis > idleMillis;
    }

    /** Ends the session: running calls are cancelled, open streams closed. */
    public synchronized void terminate() {
        inFlight.cancelAll();
        standalone.close();
        streams.values().forEach(MemoryEventStream::close);
    }
}
