package dev.mcpgateway.gateway.mcp.session.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.mcp.McpSettings;
import dev.mcpgateway.gateway.mcp.session.EventStream;
import dev.mcpgateway.gateway.mcp.session.McpSession;
import dev.mcpgateway.gateway.mcp.session.NewSession;
import dev.mcpgateway.gateway.mcp.session.SseEvent;
import dev.mcpgateway.gateway.mcp.session.StreamListener;
import dev.mcpgateway.testsupport.RedisServerFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared store against a real Redis: what it keeps of a stream, and what it leaves behind. */
class RedisSessionStoreTest {

    private RedisServerFixture redis;
    private RedisSessionStore store;

    static McpSettings settings(int replay, Duration maxAge) {
        return (McpSettings) Proxy.newProxyInstance(McpSettings.class.getClassLoader(), new Class<?>[] {McpSettings.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSessionIdleTimeout" -> Duration.ofMinutes(5);
                    case "getMaxSessions" -> 10;
                    case "getResumptionBuffer" -> replay;
                    case "getResumptionMaxAge" -> maxAge;
                    case "getRedisKeyPrefix" -> "test:mcp:";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Collects what reaches one attached connection; the replay happens off the caller's thread. */
    static final class Recorder implements StreamListener {
        final List<SseEvent> events = new ArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public synchronized void onEvent(SseEvent event) {
            events.add(event);
        }

        @Override
        public void onClose() {
            closed.countDown();
        }

        synchronized List<String> data() {
            return events.stream().map(SseEvent::data).toList();
        }
    }

    @BeforeEach
    void start() {
        redis = RedisServerFixture.start();
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        redis.close();
    }

    private McpSession session(int replay, Duration maxAge) {
        store = new RedisSessionStore(settings(replay, maxAge), new JacksonMcpJsonMapper(new ObjectMapper()), redis.uri());
        return store.create(new NewSession("demo", McpSession.Transport.STREAMABLE_HTTP, "2025-11-25",
                Optional.empty(), Optional.empty()));
    }

    /** Attaches after sequence 0 to a finished request stream and returns what was replayed before its end. */
    private static List<String> replayOf(EventStream stream) throws InterruptedException {
        Recorder recorder = new Recorder();
        stream.attach(recorder, 0);
        assertTrue(recorder.closed.await(10, TimeUnit.SECONDS), "the finished stream ends after its replay");
        return recorder.data();
    }

    @Test
    void aStreamKeepsOnlyItsLastEventsUpToTheReplayBuffer() throws Exception {
        EventStream stream = session(3, Duration.ofMinutes(10)).openRequestStream();
        for (int i = 1; i <= 5; i++) {
            stream.send(SseEvent.MESSAGE, "m" + i);
        }
        stream.close();
        assertEquals(List.of("m3", "m4", "m5"), replayOf(stream));
    }

    @Test
    void eventsOlderThanTheMaximumAgeAreNotReplayed() throws Exception {
        EventStream stream = session(10, Duration.ofMillis(300)).openRequestStream();
        stream.send(SseEvent.MESSAGE, "old");
        Thread.sleep(600);
        stream.send(SseEvent.MESSAGE, "fresh");
        stream.close();
        assertEquals(List.of("fresh"), replayOf(stream));
    }

    @Test
    void removingASessionLeavesNoKeyOfItsOwn() throws Exception {
        McpSession session = session(10, Duration.ofMinutes(10));
        EventStream request = session.openRequestStream();
        request.send(SseEvent.MESSAGE, "r");
        request.close();
        session.standaloneStream().send(SseEvent.MESSAGE, "s");
        assertTrue(store.remove(session.id()));
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> left = connection.sync().keys("test:mcp:*").stream().filter(k -> k.contains(session.id()))
                    .toList();
            assertEquals(List.of(), left);
            assertEquals(0, connection.sync().zcard("test:mcp:index"));
            assertEquals(0, connection.sync().scard("test:mcp:server:demo"));
        } finally {
            client.shutdown();
        }
    }
}
