package dev.mcpgateway.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsChatCompletionUsageWithCachedAndReasoningDetails() throws Exception {
        var body = JSON.readTree("""
                {"id":"chatcmpl-1","object":"chat.completion","choices":[],"usage":{"prompt_tokens":2006,
                 "completion_tokens":300,"total_tokens":2306,"prompt_tokens_details":{"cached_tokens":1920},
                 "completion_tokens_details":{"reasoning_tokens":128}}}""");

        assertEquals(Optional.of(new Usage(2006, 300, 2306, 1920, 128)), Usage.fromResponse(body));
    }

    @Test
    void readsEmbeddingsAndResponsesApiUsage() throws Exception {
        assertEquals(Optional.of(new Usage(8, 0, 8, 0, 0)),
                Usage.fromJson(JSON.readTree("{\"prompt_tokens\":8,\"total_tokens\":8}")));
        assertEquals(Optional.of(new Usage(36, 87, 123, 0, 64)), Usage.fromJson(JSON.readTree(
                "{\"input_tokens\":36,\"output_tokens\":87,\"total_tokens\":123,"
                        + "\"output_tokens_details\":{\"reasoning_tokens\":64}}")));
    }

    @Test
    void aMissingOrNullUsageIsEmpty() throws Exception {
        assertFalse(Usage.fromResponse(JSON.readTree("{\"usage\":null}")).isPresent());
        assertFalse(Usage.fromResponse(JSON.readTree("{\"choices\":[]}")).isPresent());
        assertFalse(Usage.fromJson(JSON.readTree("{}")).isPresent());
    }

    @Test
    void addsIncludeUsageToStreamingRequestsThatLackItKeepingOtherOptions() throws Exception {
        ObjectNode lacking = (ObjectNode) JSON.readTree("{\"stream\":true,\"messages\":[]}");
        ObjectNode other = (ObjectNode) JSON.readTree(
                "{\"stream\":true,\"messages\":[],\"stream_options\":{\"include_obfuscation\":false}}");
        ObjectNode refused = (ObjectNode) JSON.readTree(
                "{\"stream\":true,\"prompt\":\"x\",\"stream_options\":{\"include_usage\":false}}");

        assertTrue(IncludeUsage.ensure(lacking));
        assertTrue(IncludeUsage.ensure(other));
        assertTrue(IncludeUsage.ensure(refused));
        assertEquals("{\"stream\":true,\"messages\":[],\"stream_options\":{\"include_usage\":true}}", lacking.toString());
        assertEquals("{\"include_obfuscation\":false,\"include_usage\":true}", other.get("stream_options").toString());
        assertTrue(refused.at("/stream_options/include_usage").asBoolean());
    }

    @Test
    void leavesRequestsAloneThatAskedForUsageOrNeedNoOption() throws Exception {
        String asked = "{\"stream\":true,\"messages\":[],\"stream_options\":{\"include_usage\":true}}";
        String notStreaming = "{\"messages\":[]}";
        String responses = "{\"stream\":true,\"input\":\"hi\"}";
        for (String json : new String[] {asked, notStreaming, responses}) {
            ObjectNode body = (ObjectNode) JSON.readTree(json);
            assertFalse(IncludeUsage.ensure(body), json);
            assertEquals(json, body.toString());
        }
    }
}
