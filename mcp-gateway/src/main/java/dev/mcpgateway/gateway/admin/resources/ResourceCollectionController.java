package dev.mcpgateway.gateway.admin.resources;

import dev.mcpgateway.gateway.admin.AdminRequests;
import dev.mcpgateway.gateway.resource.ResourceKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;

/**
 * The five routes of a collection of resources, bound under each subclass's {@code @Controller} path (APIM's
 * {@code _ListByService}, {@code _Get}, {@code _CreateOrUpdate}, {@code _Update}, {@code _Delete}), with the one
 * problem answer for every failure. Subclasses add their collection's own actions.
 */
abstract class ResourceCollectionController {

    protected final ResourceEndpoints endpoints;
    protected final AdminRequests requests;

    ResourceCollectionController(AdminResources resources, ResourceKind kind) {
        this.endpoints = resources.endpoints(kind);
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

    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
