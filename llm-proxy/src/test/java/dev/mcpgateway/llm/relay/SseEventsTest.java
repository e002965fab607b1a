package dev.mcpgateway.llm.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventsTest {

    private final List<String> seen = new ArrayList<>();

    private static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void forwardsWholeEventsUnchangedAndHoldsAPartialOneUntilItCompletes() {
        SseEvents events = new SseEvents(data -> seen.add(data));
        assertEquals("data: {\"a\":1}\n\n", s(events.feed(b("data: {\"a\":1}\n\ndata: {\"b\""))));
        assertEquals("", s(events.feed(b(":2}"))));
        assertEquals("data: {\"b\":2}\n\n", s(events.feed(b("\n\n"))));
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}"), seen);
    }

    @Test
    void dropsOnlyTheEventsTheFilterRefuses() {
        SseEvents events = new SseEvents(data -> !data.contains("usage"));
        String out = s(events.feed(b("data: {\"x\":1}\n\ndata: {\"usage\":{}}\n\ndata: [DONE]\n\n")));
        assertEquals("data: {\"x\":1}\n\ndata: [DONE]\n\n", out);
    }

    @Test
    void joinsMultiLineDataAndKeepsEventsWithoutData() {
        SseEvents events = new SseEvents(data -> seen.add(data));
        String in = "event: response.created\ndata: {\"a\":\ndata: 1}\n\n: keep-alive comment\n\n";
        assertEquals(in, s(events.feed(b(in))));
        assertEquals(List.of("{\"a\":\n1}"), seen);
    }

    @Test
    void understandsCrLfLineEndings() {
        SseEvents events = new SseEvents(data -> seen.add(data));
        assertEquals("data: 1\r\n\r\n", s(events.feed(b("data: 1\r\n\r\ndata: 2\r\n"))));
        assertEquals(List.of("1"), seen);
        assertEquals("data: 2\r\n", s(events.rest()), "an unfinished event is handed over as is at the end");
    }

    @Test
    void anEventOverTheCapIsPassedOnInsteadOfHeld() {
        SseEvents events = new SseEvents(data -> seen.add(data), 16);
        String big = "data: " + "x".repeat(40);
        assertEquals(big, s(events.feed(b(big))));
        assertEquals("", s(events.rest()));
        assertEquals(List.of(), seen);
    }
}
