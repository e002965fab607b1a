package dev.mcpgateway.gateway.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Probes for orchestrators, open without credentials. Liveness: the process answers HTTP. Readiness (and
 * {@code /health} itself): every {@link ReadinessCheck} passes, else 503. The answer holds a status per check name
 * and nothing else: no host, URI, version or error text. The configuration is not a check of its own: a
 * gateway.yml that does not load stops start-up, so a running gateway always has one.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class HealthController {

    private final List<ReadinessCheck> checks;

    public HealthController(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> health() {
        return readiness();
    }

    @Get(uri = "/liveness", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> liveness() {
        return HttpResponse.ok(Map.of("status", "UP"));
    }

    @Get(uri = "/readiness", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> readiness() {
        Map<String, String> results = new TreeMap<>();
        boolean up = true;
        for (ReadinessCheck check : checks) {
            boolean ready = check.ready();
            results.put(check.name(), ready ? "UP" : "DOWN");
            up &= ready;
        }
        Map<String, Object> body = Map.of("status", up ? "UP" : "DOWN", "checks", results);
        return HttpResponse.<Map<String, Object>>status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
