package dev.mcpgateway.llm.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches one SSE stream as it is relayed and works out what it consumed. Feed it the payload of every
 * {@code data:} field in order; it never buffers the stream, only running counts.
 *
 * <p>Usage comes from the chunk carrying {@code usage} (Chat/Completions with include_usage) or from
 * {@code response.completed} (Responses API). Without either, as for a cut stream, it falls back to the
 * estimated prompt plus the tokens of every delta seen (content, refusal, reasoning, tool-call arguments,
 * completions text, Responses {@code *.delta} events), counted with the model's encoding.
 *
 * <p>Not thread-safe: one meter per stream, fed by the relay in order.
 */
public final class StreamUsageMeter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_UNCOUNTED_CHARS = 64 * 1024;

    private final PromptTokenEstimator tokens;
    private final String model;
    private final long estimatedPromptTokens;
    private final boolean stripUsageChunk;
    /** Deltas not yet tokenized: counted only if the backend never reports usage, or when too many are held. */
    private final List<String> uncounted = new ArrayList<>();
    private int uncountedChars;
    private Usage reported;
    private long deltaTokens;
    private boolean complete;

    /**
     * @param estimatedPromptTokens the prompt estimate, charged when the backend reports no usage
     * @param stripUsageChunk       true when the gateway added include_usage ({@link IncludeUsage#ensure}
     *                              returned true): the usage-only chunk is then not forwarded
     */
    public StreamUsageMeter(PromptTokenEstimator tokens, String model, long estimatedPromptTokens,
                            boolean stripUsageChunk) {
        this.tokens = tokens;
        this.model = model;
        this.estimatedPromptTokens = estimatedPromptTokens;
        this.stripUsageChunk = stripUsageChunk;
    }

    /**
     * Reads one event's data.
     *
     * @param data the {@code data:} payload (multi-line data joined with {@code \n}), without the prefix
     * @return whether the relay should forward this event to the client (false only for the usage-only
     *         chunk the client did not ask for)
     */
    public boolean feed(String data) {
        String payload = data.strip();
        if (payload.equals("[DONE]")) {
            complete = true;
            return true;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(payload);
        } catch (IOException e) {
            return true; // not JSON: relay as is, nothing to count
        }
        if (chunk == null || !chunk.isObject()) {
            return true;
        }
        String type = chunk.path("type").asText("");
        if (type.startsWith("response.")) {
            return responsesEvent(type, chunk);
        }
        countChoices(chunk.path("choices"));
        var usage = Usage.fromJson(chunk.get("usage"));
        if (usage.isPresent()) {
            reported = usage.get();
            return !(stripUsageChunk && chunk.path("choices").isEmpty());
        }
        return true;
    }

    /** The usage to charge, given everything fed so far. */
    public StreamUsage result() {
        if (reported != null) {
            return new StreamUsage(reported, true, complete);
        }
        countUncounted();
        return new StreamUsage(Usage.of(estimatedPromptTokens, deltaTokens), false, complete);
    }

    private boolean responsesEvent(String type, JsonNode event) {
        if (type.endsWith(".delta") && event.path("delta").isTextual()) {
            hold(event.get("delta").asText());
        } else if (type.equals("response.completed")) {
            Usage.fromJson(event.path("response").get("usage")).ifPresent(u -> reported = u);
            complete = true;
        }
        return true;
    }

    private void countChoices(JsonNode choices) {
        for (JsonNode choice : choices) {
            JsonNode delta = choice.path("delta");
            count(choice.get("text"));
            count(delta.get("content"));
            count(delta.get("refusal"));
            count(delta.get("reasoning_content"));
            for (JsonNode call : delta.path("tool_calls")) {
                count(call.path("function").get("name"));
                count(call.path("function").get("arguments"));
            }
        }
    }

    private void count(JsonNode text) {
        if (text != null && text.isTextual()) {
            hold(text.asText());
        }
    }

    /**
     * Tokenizing is the costliest step of metering and is wasted when the backend reports usage (the normal case:
     * the gateway asks for it), so deltas are kept and counted piece by piece (the same sum as counting on arrival)
     * only when the result needs them; past {@link #MAX_UNCOUNTED_CHARS} they are counted now, to bound memory.
     */
    private void hold(String delta) {
        if (reported != null) {
            return; // usage already known: deltas after it are never charged by count
        }
        uncounted.add(delta);
        uncountedChars += delta.length();
        if (uncountedChars > MAX_UNCOUNTED_CHARS) {
            countUncounted();
        }
    }

    private void countUncounted() {
        for (String delta : uncounted) {
            deltaTokens += tokens.countText(model, delta);
        }
        uncounted.clear();
        uncountedChars = 0;
    }
}
