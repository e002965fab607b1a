package dev.mcpgateway.llm.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * A call's prompt-token estimate, counted at most once and only when someone needs it: a limit that reserves it, a
 * stream or a whole answer that came without {@code usage}. When the pipeline did not parse the body (no limit, no
 * cache, not streamed) it is parsed here, on that rare path only.
 */
final class PromptEstimate implements LongSupplier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PromptTokenEstimator estimator;
    private final JsonNode body;
    private final byte[] bytes;
    private final String deployment;
    private long value = -1;

    PromptEstimate(PromptTokenEstimator estimator, JsonNode body, byte[] bytes, String deployment) {
        this.estimator = estimator;
        this.body = body;
        this.bytes = bytes;
        this.deployment = deployment;
    }

    @Override
    public synchronized long getAsLong() {
        if (value < 0) {
            JsonNode parsed = body != null ? body : parse(bytes);
            value = parsed == null ? 0 : estimator.estimate(parsed, deployment);
        }
        return value;
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return bytes == null ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            return null; // already proven JSON by the pipeline; nothing to count if not
        }
    }
}
