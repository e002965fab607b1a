package dev.mcpgateway.llm.route;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import java.util.function.LongSupplier;

/** A call's prompt-token estimate, counted at most once and only when someone needs it. */
final class PromptEstimate implements LongSupplier {

    private final PromptTokenEstimator estimator;
    private final JsonNode body;
    private final String deployment;
    private long value = -1;

    PromptEstimate(PromptTokenEstimator estimator, JsonNode body, String deployment) {
        this.estimator = estimator;
        this.body = body;
        this.deployment = deployment;
    }

    @Override
    public synchronized long getAsLong() {
        if (value < 0) {
            value = estimator.estimate(body, deployment);
        }
        return value;
    }
}
