package dev.mcpgateway.llm.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes a streamed Chat Completions / Completions call report its usage: OpenAI and Azure OpenAI send the
 * final {@code usage} chunk only when {@code stream_options.include_usage} is true. The Responses API always
 * reports usage in {@code response.completed} and needs nothing.
 */
public final class IncludeUsage {

    private IncludeUsage() {
    }

    /**
     * Sets {@code stream_options.include_usage: true} on a streaming request body that lacks it, keeping
     * every other field (and other {@code stream_options}) as the client sent them.
     *
     * @return true when the gateway added it, i.e. the client did not ask for usage and the extra usage
     *         chunk must be stripped from what the client receives ({@link StreamUsageMeter})
     */
    public static boolean ensure(ObjectNode body) {
        boolean responsesApi = body.has("input") && !body.has("messages") && !body.has("prompt");
        if (!body.path("stream").asBoolean(false) || responsesApi) {
            return false;
        }
        JsonNode options = body.get("stream_options");
        if (options instanceof ObjectNode o) {
            if (o.path("include_usage").asBoolean(false)) {
                return false;
            }
            o.put("include_usage", true);
            return true;
        }
        body.putObject("stream_options").put("include_usage", true);
        return true;
    }
}
