package dev.mcpgateway.llm.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Tokens one call consumed, as the backend reported them (or as we counted them when it did not).
 *
 * @param promptTokens     input tokens ({@code prompt_tokens} / {@code input_tokens})
 * @param completionTokens output tokens ({@code completion_tokens} / {@code output_tokens}); 0 for embeddings
 * @param totalTokens      prompt + completion as the backend reports it
 * @param cachedTokens     prompt tokens served from the provider's prompt cache (0 when not reported)
 * @param reasoningTokens  completion tokens spent on hidden reasoning (0 when not reported)
 */
public record Usage(long promptTokens, long completionTokens, long totalTokens, long cachedTokens,
                    long reasoningTokens) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0 || cachedTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public static Usage of(long prompt, long completion) {
        return new Usage(prompt, completion, prompt + completion, 0, 0);
    }

    /**
     * Reads a {@code usage} object in either OpenAI shape: Chat/Completions/Embeddings
     * ({@code prompt_tokens}, {@code completion_tokens}, {@code *_tokens_details}) or the Responses API
     * ({@code input_tokens}, {@code output_tokens}, {@code *_tokens_details}). Empty when the node is
     * missing, null, or carries no token counts.
     */
    public static Optional<Usage> fromJson(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        boolean responses = usage.has("input_tokens") || usage.has("output_tokens");
        if (!responses && !usage.has("prompt_tokens") && !usage.has("total_tokens")) {
            return Optional.empty();
        }
        long prompt = count(usage, responses ? "input_tokens" : "prompt_tokens");
        long completion = count(usage, responses ? "output_tokens" : "completion_tokens");
        long total = usage.has("total_tokens") ? count(usage, "total_tokens") : prompt + completion;
        JsonNode in = usage.path(responses ? "input_tokens_details" : "prompt_tokens_details");
        JsonNode out = usage.path(responses ? "output_tokens_details" : "completion_tokens_details");
        return Optional.of(new Usage(prompt, completion, total, count(in, "cached_tokens"),
                count(out, "reasoning_tokens")));
    }

    /** Reads the top-level {@code usage} of a non-streamed response body (Responses API: the same field). */
    public static Optional<Usage> fromResponse(JsonNode responseBody) {
        return responseBody == null ? Optional.empty() : fromJson(responseBody.get("usage"));
    }

    private static long count(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.canConvertToLong() ? Math.max(0, v.asLong()) : 0;
    }
}
