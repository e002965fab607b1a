package dev.mcpgateway.llm.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/**
 * {@code GET /metrics} in the Prometheus text format. We serve it ourselves because Micronaut's own
 * endpoints need micronaut-management (not on our classpath) and would put Prometheus at
 * {@code /prometheus}, the JSON metrics endpoint at {@code /metrics}. Turn it off with
 * {@code llm.metrics.endpoint.enabled: false} when the hosting process exposes metrics another way.
 */
@Controller("/metrics")
@Requires(beans = PrometheusMeterRegistry.class)
@Requires(property = "llm.metrics.endpoint.enabled", notEquals = "false")
public class PrometheusController {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public PrometheusController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get
    @Produces(CONTENT_TYPE)
    public String scrape() {
        return registry.scrape();
    }
}
