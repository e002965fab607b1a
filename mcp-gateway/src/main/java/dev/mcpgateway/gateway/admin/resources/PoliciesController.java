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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * APIM's policy routes at its four scopes: {@code /admin/policies/policy} (global),
 * {@code /admin/products/{id}/policies/policy}, {@code /admin/apis/{id}/policies/policy} and
 * {@code /admin/apis/{id}/operations/{operationId}/policies/policy}. A document ({@code {"format": "rawxml" | "xml",
 * "value"}}, or in the ARM envelope) is read when written, so what the gateway cannot apply is refused naming its
 * element and line; the policy engine applies a document from the next call on.
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PoliciesController {

    private final ResourceEndpoints policies;
    private final AdminRequests requests;

    public PoliciesController(AdminResources resources) {
        this.policies = resources.endpoints(ResourceKind.POLICIES);
        this.requests = resources.requests();
    }

    @Get(uri = "/policies/policy", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> getGlobal(HttpRequest<?> request) throws Exception {
        return policies.get(request, "global");
    }

    @Put(uri = "/policies/policy", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> putGlobal(HttpRequest<?> request, @Body @Nullable String body) throws Exception {
        return policies.put(request, "global", body);
    }

    @Delete(uri = "/policies/policy")
    public HttpResponse<?> deleteGlobal(HttpRequest<?> request) throws Exception {
        return policies.delete(request, "global");
    }

    @Get(uri = "/{collection:apis|products}/{id}/policies/policy", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> get(HttpRequest<?> request, @PathVariable String collection, @PathVariable String id)
            throws Exception {
        return policies.get(request, collection + "/" + id);
    }

    @Put(uri = "/{collection:apis|products}/{id}/policies/policy", consumes = MediaType.ALL,
            produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> put(HttpRequest<?> request, @PathVariable String collection, @PathVariable String id,
                               @Body @Nullable String body) throws Exception {
        return policies.put(request, collection + "/" + id, body);
    }

    @Delete(uri = "/{collection:apis|products}/{id}/policies/policy")
    public HttpResponse<?> delete(HttpRequest<?> request, @PathVariable String collection, @PathVariable String id)
            throws Exception {
        return policies.delete(request, collection + "/" + id);
    }

    @Get(uri = "/apis/{id}/operations/{operation}/policies/policy", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> getOperation(HttpRequest<?> request, @PathVariable String id,
                                        @PathVariable String operation) throws Exception {
        return policies.get(request, "apis/" + id + "/operations/" + operation);
    }

    @Put(uri = "/apis/{id}/operations/{operation}/policies/policy", consumes = MediaType.ALL,
            produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> putOperation(HttpRequest<?> request, @PathVariable String id,
                                        @PathVariable String operation, @Body @Nullable String body)
            throws Exception {
        return policies.put(request, "apis/" + id + "/operations/" + operation, body);
    }

    @Delete(uri = "/apis/{id}/operations/{operation}/policies/policy")
    public HttpResponse<?> deleteOperation(HttpRequest<?> request, @PathVariable String id,
                                           @PathVariable String operation) throws Exception {
        return policies.delete(request, "apis/" + id + "/operations/" + operation);
    }

    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
