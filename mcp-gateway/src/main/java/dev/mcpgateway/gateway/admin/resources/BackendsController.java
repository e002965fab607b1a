package dev.mcpgateway.gateway.admin.resources;

import dev.mcpgateway.gateway.admin.AdminRequests;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.llm.backend.BackendRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /admin/backends}: APIM's Backend_* operations, and {@code reconnect} to close a tripped circuit. */
@Controller("/admin/backends")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class BackendsController {

    private final ResourceEndpoints endpoints;
    private final BackendRegistry runtime;
    private final AdminRequests requests;

    public BackendsController(AdminResources resources, BackendRegistry runtime) {
        this.endpoints = resources.endpoints(ResourceKind.BACKENDS);
        this.runtime = runtime;
        this.requests = resources.requests();
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> list(HttpRequest<?> request) throws Exception {
        return endpoints.list(request);
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> get(HttpRequest<?> request, @PathVariable String id) throws Exception {
        return endpoints.get(request, id);
    }

    @Put(uri = "/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> put(HttpRequest<?> request, @PathVariable String id, @Body @Nullable String body)
            throws Exception {
        return endpoints.put(request, id, body);
    }

    @Patch(uri = "/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> patch(HttpRequest<?> request, @PathVariable String id, @Body @Nullable String body)
            throws Exception {
        return endpoints.patch(request, id, body);
    }

    @Delete(uri = "/{id}")
    public HttpResponse<?> delete(HttpRequest<?> request, @PathVariable String id) throws Exception {
        return endpoints.delete(request, id);
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

    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
