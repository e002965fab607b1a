package dev.mcpgateway.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streams shaped exactly as OpenAI and Azure OpenAI send them (captured field for field). */
class StreamUsageMeterTest {

    private static final PromptTokenEstimator TOKENS = new PromptTokenEstimator();

    private static final String AZURE_FILTER_RESULTS = """
            {"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,\
            "content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}]}""";
    private static final String ROLE = chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null");
    private static final String HELLO = chunk("{\"content\":\"Hello\"}", "null");
    private static final String WORLD = chunk("{\"content\":\" world\"}", "null");
    private static final String STOP = """
            {"id":"chatcmpl-B9","object":"chat.completion.chunk","created":1741569952,"model":"gpt-4o-2024-08-06",\
            "system_fingerprint":"fp_eb9dce56a8","choices":[{"index":0,"delta":{},"logprobs":null,\
            "finish_reason":"stop"}],"usage":null}""";
    private static final String USAGE = """
            {"id":"chatcmpl-B9","object":"chat.completion.chunk","created":1741569952,"model":"gpt-4o-2024-08-06",\
            "system_fingerprint":"fp_eb9dce56a8","choices":[],"usage":{"prompt_tokens":19,"completion_tokens":2,\
            "total_tokens":21,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},\
            "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,\
            "rejected_prediction_tokens":0}}}""";

    @Test
    void takesTheBackendsUsageChunkAndForwardsItWhenTheClientAskedForIt() {
        StreamUsageMeter meter = new StreamUsageMeter(TOKENS, "gpt-4o", 17, false);

        List<String> forwarded = feed(meter, ROLE, HELLO, WORLD, STOP, USAGE, "[DONE]");

        assertEquals(List.of(ROLE, HELLO, WORLD, STOP, USAGE, "[DONE]"), forwarded);
        assertEquals(new StreamUsage(new Usage(19, 2, 21, 0, 0), true, true), meter.result());
    }

    @Test
    void dropsTheUsageChunkTheGatewayAddedButStillChargesIt() {
        StreamUsageMeter meter = new StreamUsageMeter(TOKENS, "gpt-4o", 17, true);

        List<String> forwarded = feed(meter, AZURE_FILTER_RESULTS, ROLE, HELLO, WORLD, STOP, USAGE, "[DONE]");

        assertEquals(List.of(AZURE_FILTER_RESULTS, ROLE, HELLO, WORLD, STOP, "[DONE]"), forwarded);
        assertEquals(21, meter.result().usage().totalTokens());
        assertTrue(meter.result().reported());
    }

    @Test
    void withoutAUsageChunkCountsTheDeltasOnTopOfThePromptEstimate() {
        StreamUsageMeter meter = new StreamUsageMeter(TOKENS, "gpt-4o", 17, true);

        feed(meter, ROLE, HELLO, WORLD, STOP, "[DONE]");

        // "Hello" and " world" are one o200k token each
        assertEquals(new StreamUsage(Usage.of(17, 2), false, true), meter.result());
    }

    @Test
    void deltasCountedLateAddUpAsIfEachWereCountedOnArrivalEvenPastTheHoldingBound() {
        StreamUsageMeter meter = new StreamUsageMeter(TOKENS, "gpt-4o", 17, true);
        String[] deltas = new String[20_000]; // 120,000 characters: past the bound on held deltas, so counted in runs
        java.util.Arrays.fill(deltas, WORLD);

        feed(meter, deltas);
        StreamUsage midway = meter.result();
        feed(meter, HELLO, "[DONE]");

        assertEquals(Usage.of(17, 20_000), midway.usage());
        assertEquals(new StreamUsage(Usage.of(17, 20_001), false, true), meter.result());
        assertEquals(meter.result(), meter.result(), "asking twice counts nothing twice");
    }

    @Test
    void aCutStreamIsIncompleteAndChargedForWhatWasRelayed() {
        StreamUsageMeter meter = new StreamUsageMeter(TOKENS, "gpt-4o", 17, true);

        feed(meter, ROLE, HELLO);

        StreamUsage result = meter.result();
        assertFalse(result.complete());
        assertEquals(Usage.of(17, 1), result.usage());
    }

    @Test
    void countsToolCallArgumentsAndLegacyCompletionsText() {
        StreamUsageMeter meter = new StreamUsageMeter(TOKENS, "gpt-4", 5, false);

        feed(meter,
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", "null"),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", "null"),
                "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[{\"text\":\"hello world\","
                        + "\"index\":0,\"logprobs\":null,\"finish_reason\":null}]}",
                "[DONE]");

        long expected = TOKENS.countText("gpt-4", "get_weather") + TOKENS.countText("gpt-4", "{\"city\":") + 2;
        assertEquals(Usage.of(5, expected), meter.result().usage());
    }

    @Test
    void readsTheResponsesApiCompletedEvent() {
        StreamUsageMeter meter = new StreamUsageMeter(TOKENS, "gpt-4o", 30, false);

        List<String> forwarded = feed(meter,
                "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\",\"usage\":null}}",
                "{\"type\":\"response.output_text.delta\",\"sequence_number\":4,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hello\"}",
                "{\"type\":\"response.completed\",\"sequence_number\":9,\"response\":{\"id\":\"resp_1\",\"status\":\"completed\","
                        + "\"usage\":{\"input_tokens\":36,\"input_tokens_details\":{\"cached_tokens\":4},\"output_tokens\":87,"
                        + "\"output_tokens_details\":{\"reasoning_tokens\":64},\"total_tokens\":123}}}");

        assertEquals(3, forwarded.size());
        assertEquals(new StreamUsage(new Usage(36, 87, 123, 4, 64), true, true), meter.result());
    }

    @Test
    void aResponsesStreamCutBeforeCompletionFallsBackToTheDeltas() {
        StreamUsageMeter meter = new StreamUsageMeter(TOKENS, "gpt-4o", 30, false);

        feed(meter, "{\"type\":\"response.output_text.delta\",\"delta\":\"Hello\"}");

        assertEquals(new StreamUsage(Usage.of(30, 1), false, false), meter.result());
    }

    @Test
    void relaysPayloadsThatAreNotJsonWithoutCountingThem() {
        StreamUsageMeter meter = new StreamUsageMeter(TOKENS, "gpt-4o", 3, true);

        assertTrue(meter.feed(": keep-alive"));
        assertEquals(Usage.of(3, 0), meter.result().usage());
    }

    private static List<String> feed(StreamUsageMeter meter, String... events) {
        List<String> forwarded = new ArrayList<>();
        for (String e : events) {
            if (meter.feed(e)) {
                forwarded.add(e);
            }
        }
        return forwarded;
    }

    private static String chunk(String delta, String usage) {
        return "{\"id\":\"chatcmpl-B9\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
                + "\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_eb9dce56a8\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":null}],\"usage\":" + usage + "}";
    }
}
