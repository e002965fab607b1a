package dev.mcpgateway.gateway.admin.resources;

import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.types.ProductApiResourceType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /admin/products}: APIM's Product_* operations, and the product's APIs ({@code ProductApi_*}). */
@Controller("/admin/products")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ProductsController extends ResourceCollectionController {

    private final ResourceEndpoints links;

    public ProductsController(AdminResources resources) {
        super(resources, ResourceKind.PRODUCTS);
        this.links = resources.endpoints(ResourceKind.PRODUCT_APIS);
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
}
