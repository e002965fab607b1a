package dev.mcpgateway.gateway.admin.resources;

import dev.mcpgateway.gateway.admin.AdminRequests;
import dev.mcpgateway.gateway.resource.ResourceKind;
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

/** {@code /admin/named-values}: APIM's NamedValue_* operations; secret values are read only through {@code listValue}. */
@Controller("/admin/named-values")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class NamedValuesController {

    private final ResourceEndpoints endpoints;
    private final AdminRequests requests;

    public NamedValuesController(AdminResources resources) {
        this.endpoints = resources.endpoints(ResourceKind.NAMED_VALUES);
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

    /** APIM's NamedValue_ListValue: the value, secret or not. */
    @Post(uri = "/{id}/listValue", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> listValue(@PathVariable String id) throws Exception {
        return HttpResponse.ok(java.util.Map.of("value", endpoints.existing(id).text("value")));
    }

    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
