package dev.mcpgateway.llm.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;

/** Builds {@link TokenMetrics} on the application's meter registry. */
@Factory
public class MetricsFactory {

    /**
     * @param customDimensions {@code llm.metrics.custom-dimensions}: comma-separated names of up to 5 custom
     *                         dimensions whose values the pipeline puts in {@link TokenMetricDimensions#custom()}
     */
    @Singleton
    TokenMetrics tokenMetrics(MeterRegistry registry,
                              @Value("${llm.metrics.custom-dimensions:}") String customDimensions) {
        List<String> names = Arrays.stream(customDimensions.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        return new TokenMetrics(registry, names);
    }
}
