package dev.mcpgateway.gateway.admin.resources;

import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.llm.backend.BackendRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /admin/backends}: APIM's Backend_* operations, and {@code reconnect} to close a tripped circuit. */
@Controller("/admin/backends")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class BackendsController extends ResourceCollectionController {

    private final BackendRegistry runtime;

    public BackendsController(AdminResources resources, BackendRegistry runtime) {
        super(resources, ResourceKind.BACKENDS);
        this.runtime = runtime;
    }

    /** APIM answers 202: the next call to the backend is let through whatever its circuit breaker remembered. */
    @Post(uri = "/{id}/reconnect", consumes = MediaType.ALL)
    public HttpResponse<?> reconnect(@PathVariable String id) throws Exception {
        endpoints.existing(id);
        var breaker = runtime.breaker(id);
        if (breaker != null) {
            breaker.reset();
        }
        return HttpResponse.accepted();
    }
}
