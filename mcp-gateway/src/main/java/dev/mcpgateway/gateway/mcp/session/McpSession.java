package dev.mcpgateway.gateway.mcp.session;

import dev.mcpgateway.gateway.mcp.protocol.InFlightCalls;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the gateway remembers of one client between requests: the server it talks to, the negotiated revision, its
 * SSE streams (for resumption) and its running calls (for cancellation). Everything here is plain data a shared
 * store could hold, except the live streams, which stay on the instance holding the connection.
 */
public final class McpSession {

    /** Which transport opened the session: it decides where responses go. */
    public enum Transport { STREAMABLE_HTTP, LEGACY_SSE }

    /** The standalone stream: GET on Streamable HTTP, the one SSE connection on the legacy transport. */
    public static final String STANDALONE_STREAM = "0";
    private static final int KEPT_STREAMS = 32;

    private final String id;
    private final String serverName;
    private final Transport transport;
    private final Optional<String> ownerSubject;
    private final int replayCapacity;
    private final AtomicLong eventSequence = new AtomicLong();
    private final AtomicLong streamCounter = new AtomicLong();
    private final InFlightCalls inFlight = new InFlightCalls();
    private final Map<String, EventStream> streams = new LinkedHashMap<>();
    private final EventStream standalone;
    private volatile String protocolVersion;
    private volatile LoggingLevel logLevel = LoggingLevel.INFO;
    private volatile boolean initialized;
    private volatile Instant lastSeen = Instant.now();

    public McpSession(String id, String serverName, Transport transport, String protocolVersion,
                      Optional<String> ownerSubject, int replayCapacity) {
        this.id = id;
        this.serverName = serverName;
        this.transport = transport;
        this.protocolVersion = protocolVersion;
        this.ownerSubject = ownerSubject;
        this.replayCapacity = replayCapacity;
        this.standalone = new EventStream(STANDALONE_STREAM, replayCapacity, eventSequence);
    }

    public String id() {
        return id;
    }

    public String serverName() {
        return serverName;
    }

    public Transport transport() {
        return transport;
    }

    /** The subject that created the session; requests from anyone else are refused once auth is on. */
    public Optional<String> ownerSubject() {
        return ownerSubject;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    public void protocolVersion(String negotiated) {
        this.protocolVersion = negotiated;
    }

    public LoggingLevel logLevel() {
        return logLevel;
    }

    public void logLevel(LoggingLevel level) {
        this.logLevel = level;
    }

    public boolean initialized() {
        return initialized;
    }

    public void markInitialized() {
        this.initialized = true;
    }

    public InFlightCalls inFlight() {
        return inFlight;
    }

    public EventStream standaloneStream() {
        return standalone;
    }

    /** A new stream for one POST's response; the oldest finished streams are forgotten beyond a small bound. */
    public synchronized EventStream openRequestStream() {
        String streamId = Long.toString(streamCounter.incrementAndGet());
        EventStream stream = new EventStream(streamId, replayCapacity, eventSequence);
        streams.put(streamId, stream);
        if (streams.size() > KEPT_STREAMS) {
            streams.entrySet().removeIf(e -> e.getValue().isClosed() && streams.size() > KEPT_STREAMS);
        }
        return stream;
    }

    /** The stream a {@code Last-Event-ID} points into, with the sequence to resume after. */
    public synchronized Optional<Resumption> resumption(String lastEventId) {
        int dash = lastEventId == null ? -1 : lastEventId.indexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        String streamId = lastEventId.substring(0, dash);
        EventStream stream = STANDALONE_STREAM.equals(streamId) ? standalone : streams.get(streamId);
        long seq = stream == null ? -1 : EventStream.sequenceOf(lastEventId, streamId);
        return seq < 0 ? Optional.empty() : Optional.of(new Resumption(stream, seq));
    }

    /** Where to pick up a stream again. */
    public record Resumption(EventStream stream, long afterSequence) {
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public void touch() {
        lastSeen = Instant.now();
    }

    /** Ends the session: running calls are cancelled, open streams closed. */
    public synchronized void terminate() {
        inFlight.cancelAll();
        standalone.close();
        streams.values().forEach(EventStream::close);
    }
}
