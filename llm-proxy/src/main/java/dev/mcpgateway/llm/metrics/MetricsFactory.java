package dev.mcpgateway.llm.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link TokenMetrics} on the application's meter registry, with the configured custom dimensions. */
@Factory
public class MetricsFactory {

    /**
     * {@code llm.metrics.dimensions.<name>: <expression>} (at most 5) and {@code llm.metrics.max-dimension-values}
     * (distinct values kept per dimension, default 1000). Eager, so that a bad entry fails the start even when no
     * meter registry exists.
     */
    @Context
    CustomDimensions customDimensions(Environment environment,
                                      @Value("${llm.metrics.max-dimension-values:" + CustomDimensions.DEFAULT_MAX_VALUES
                                              + "}") int maxValues,
                                      @Value("${llm.metrics.custom-dimensions:}") String namesOnly) {
        if (!namesOnly.isBlank()) {
            // the names-only form never filled its labels; say what replaced it rather than ignore it silently
            throw new IllegalStateException("llm.metrics.custom-dimensions is replaced by "
                    + CustomDimensions.PREFIX + ".<name>: <expression>, e.g. " + CustomDimensions.PREFIX
                    + ".team: \"{header:x-team}\"");
        }
        Map<String, String> declared = new LinkedHashMap<>();
        environment.getProperties(CustomDimensions.PREFIX, StringConvention.RAW)
                .forEach((name, expression) -> declared.put(name, String.valueOf(expression)));
        try {
            return CustomDimensions.compile(declared, maxValues);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Singleton
    TokenMetrics tokenMetrics(MeterRegistry registry, CustomDimensions dimensions) {
        return new TokenMetrics(registry, dimensions);
    }
}
