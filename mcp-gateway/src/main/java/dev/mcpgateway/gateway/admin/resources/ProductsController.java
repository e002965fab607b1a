package dev.mcpgateway.gateway.admin.resources;

import dev.mcpgateway.gateway.admin.AdminRequests;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.types.ProductApiResourceType;
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

/** {@code /admin/products}: APIM's Product_* operations, and the product's APIs ({@code ProductApi_*}). */
@Controller("/admin/products")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ProductsController {

    private final ResourceEndpoints endpoints;
    private final ResourceEndpoints links;
    private final AdminRequests requests;

    public ProductsController(AdminResources resources) {
        this.endpoints = resources.endpoints(ResourceKind.PRODUCTS);
        this.links = resources.endpoints(ResourceKind.PRODUCT_APIS);
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

    /** The APIs of a product, as APIM lists them: the linked API resources. */
    @Get(uri = "/{id}/apis", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> apis(HttpRequest<?> request, @PathVariable String id) throws Exception {
        endpoints.existing(id);
        return links.list(request, r -> r.id().startsWith(id + "/"));
    }

    @Get(uri = "/{id}/apis/{apiId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> api(HttpRequest<?> request, @PathVariable String id, @PathVariable String apiId)
            throws Exception {
        return links.get(request, ProductApiResourceType.id(id, apiId));
    }

    /** APIM's ProductApi_CreateOrUpdate: links the API (both must exist); a body, if any, is ignored as in APIM. */
    @Put(uri = "/{id}/apis/{apiId}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> link(HttpRequest<?> request, @PathVariable String id, @PathVariable String apiId)
            throws Exception {
        return links.put(request, ProductApiResourceType.id(id, apiId), "{}");
    }

    @Delete(uri = "/{id}/apis/{apiId}")
    public HttpResponse<?> unlink(HttpRequest<?> request, @PathVariable String id, @PathVariable String apiId)
            throws Exception {
        return links.delete(request, ProductApiResourceType.id(id, apiId));
    }

    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
