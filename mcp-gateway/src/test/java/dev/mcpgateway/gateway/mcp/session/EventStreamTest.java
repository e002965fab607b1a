package dev.mcpgateway.gateway.mcp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    static final class Recorder implements StreamListener {
        final List<SseEvent> events = new ArrayList<>();
        boolean closed;

        @Override
        public void onEvent(SseEvent event) {
            events.add(event);
        }

        @Override
        public void onClose() {
            closed = true;
        }
    }

    @Test
    void idsAreUniqueAcrossTheStreamsOfASession() {
        AtomicLong counter = new AtomicLong();
        EventStream a = new MemoryEventStream("1", 8, counter);
        EventStream b = new MemoryEventStream("2", 8, counter);
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        a.attach(ra, -1);
        b.attach(rb, -1);
        a.send("message", "a1");
        b.send("message", "b1");
        a.send("message", "a2");
        assertEquals(List.of("1-1", "1-3"), ra.events.stream().map(SseEvent::id).toList());
        assertEquals(List.of("2-2"), rb.events.stream().map(SseEvent::id).toList());
    }

    @Test
    void aReconnectionGetsWhatWasSentAfterItsLastEventAndThenTheEnd() {
        EventStream stream = new MemoryEventStream("7", 8, new AtomicLong());
        Recorder first = new Recorder();
        stream.attach(first, -1);
        stream.send("message", "one");
        stream.detach(first);
        stream.send("message", "two");
        stream.send("message", "three");
        stream.close();
        Recorder second = new Recorder();
        assertTrue(stream.attach(second, EventStream.sequenceOf("7-1", "7")));
        assertEquals(List.of("two", "three"), second.events.stream().map(SseEvent::data).toList());
        assertTrue(second.closed);
    }

    @Test
    void theReplayBufferIsBounded() {
        EventStream stream = new MemoryEventStream("3", 2, new AtomicLong());
        for (int i = 1; i <= 5; i++) {
            stream.send("message", "m" + i);
        }
        Recorder late = new Recorder();
        stream.attach(late, 0);
        assertEquals(List.of("m4", "m5"), late.events.stream().map(SseEvent::data).toList());
    }

    @Test
    void anEndedStreamWithNothingToReplayRefusesAttachment() {
        EventStream stream = new MemoryEventStream("4", 2, new AtomicLong());
        stream.send("message", "only");
        stream.close();
        assertFalse(stream.attach(new Recorder(), 1));
    }

    @Test
    void anIdOfAnotherStreamResumesNothing() {
        assertEquals(-1, EventStream.sequenceOf("8-5", "7"));
        assertEquals(-1, EventStream.sequenceOf("7-x", "7"));
        assertEquals(5, EventStream.sequenceOf("7-5", "7"));
    }
}
