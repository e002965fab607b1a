package dev.mcpgateway.llm.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Builds {@link TokenMetrics} on the application's meter registry. */
@Factory
public class MetricsFactory {

    /**
     * {@code llm.metrics.max-dimension-values}: distinct values kept per custom dimension (default 1000). Eager, so
     * that a bad value fails the start even when no meter registry exists.
     */
    @Context
    CustomDimensions customDimensions(@Value("${llm.metrics.max-dimension-values:" + CustomDimensions.DEFAULT_MAX_VALUES
                                              + "}") int maxValues,
                                      @Value("${llm.metrics.custom-dimensions:}") String namesOnly) {
        if (!namesOnly.isBlank()) {
            // the names-only form never filled its labels; say what replaced it rather than ignore it silently
            throw new IllegalStateException("llm.metrics.custom-dimensions is replaced by the <dimension name=\"...\""
                    + " value=\"...\" /> elements of an llm-emit-token-metric policy");
        }
        try {
            return new CustomDimensions(maxValues);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Singleton
    TokenMetrics tokenMetrics(MeterRegistry registry, CustomDimensions dimensions) {
        return new TokenMetrics(registry, dimensions);
    }
}
