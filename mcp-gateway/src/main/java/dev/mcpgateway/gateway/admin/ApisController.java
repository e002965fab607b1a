package dev.mcpgateway.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.admin.resources.AdminResources;
import dev.mcpgateway.gateway.admin.resources.ResourceEndpoints;
import dev.mcpgateway.gateway.admin.resources.ResourceViews;
import dev.mcpgateway.gateway.catalog.CompiledApi;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.resource.BodyShape;
import dev.mcpgateway.gateway.resource.ManagementState;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.types.LlmApiResourceType;
import dev.mcpgateway.gateway.state.ResourceConflictException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Patch;
import dev.mcpgateway.gateway.config.DefinitionCodec;
import dev.mcpgateway.gateway.config.Identifiers;
import dev.mcpgateway.gateway.state.GatewayState;
import dev.mcpgateway.gateway.state.ResourceNotFoundException;
import io.micronaut.core.annotation.Nullable;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/apis}: register, inspect and remove APIs. OpenAPI-described ({@code http}) APIs are compiled into
 * tools here; model APIs ({@code azure-openai}, {@code openai}) are resources of the management model, served by
 * the LLM proxy. One id names one API, whatever its type.
 */
@Controller("/admin/apis")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ApisController {

    private final GatewayState state;
    private final DefinitionCodec codec;
    private final AdminRequests requests;
    private final AdminViews views;
    private final ObjectMapper json;

    private final ResourceEndpoints modelApis;
    private final ManagementState management;

    public ApisController(GatewayState state, DefinitionCodec codec, ObjectMapper json, AdminResources resources,
                          ManagementState management) {
        this.state = state;
        this.modelApis = resources.endpoints(ResourceKind.APIS);
        this.management = management;
        this.codec = codec;
        this.json = json;
        this.requests = new AdminRequests(json);
        this.views = new AdminViews(json, codec);
    }

    /** OpenAPI APIs, then model APIs, paged and filtered by name as one collection; each shown in its own view. */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> list(HttpRequest<?> request) throws Exception {
        Map<String, GatewayState.Entry<CompiledApi>> openApis = new LinkedHashMap<>();
        state.apis().forEach(api -> openApis.put(api.value().apiId(), api));
        List<Resource> all = new ArrayList<>();
        // stand-ins that carry only the name, which is all the list query reads
        openApis.forEach((id, api) -> all.add(new Resource(ResourceKind.APIS, id, json.createObjectNode(),
                api.source())));
        all.addAll(management.list(ResourceKind.APIS));
        BodyShape shape = ResourceViews.shapeOf(request);
        return modelApis.list(request, all, api -> openApis.containsKey(api.id()) ? views.api(openApis.get(api.id()))
                : modelApis.views().one(api, modelApis.type(), shape));
    }

    @Put(uri = "/{apiId}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> put(HttpRequest<?> request, @PathVariable String apiId, @Body @Nullable String body)
            throws Exception {
        JsonNode tree = requests.parse(body);
        boolean modelApi = LlmApiResourceType.TYPES.contains(BodyShape.of(tree).properties(tree).path("type")
                .asText());
        if (modelApi ? state.api(apiId).isPresent() : management.get(ResourceKind.APIS, apiId).isPresent()) {
            throw new ResourceConflictException("API '" + apiId + "' exists with another type; delete it first");
        }
        if (modelApi) {
            return modelApis.put(request, apiId, body);
        }
        ApiDefinition definition = codec.parseApi(apiId, tree, null);
        boolean created = state.putApi(definition);
        ObjectNode view = views.api(state.api(apiId).orElseThrow());
        return created ? HttpResponse.created(view) : HttpResponse.ok(view);
    }

    @Get(uri = "/{apiId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> get(HttpRequest<?> request, @PathVariable String apiId) throws Exception {
        Identifiers.check("apiId", apiId);
        if (management.get(ResourceKind.APIS, apiId).isPresent()) {
            return modelApis.get(request, apiId);
        }
        return HttpResponse.ok(views.api(state.api(apiId)
                .orElseThrow(() -> new ResourceNotFoundException("API", apiId))));
    }

    @Get(uri = "/{apiId}/operations", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> operations(@PathVariable String apiId) throws Exception {
        Identifiers.check("apiId", apiId);
        return HttpResponse.ok(views.operations(state.api(apiId)
                .orElseThrow(() -> new ResourceNotFoundException("API", apiId)).value()));
    }

    @Patch(uri = "/{apiId}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> patch(HttpRequest<?> request, @PathVariable String apiId, @Body @Nullable String body)
            throws Exception {
        return modelApis.patch(request, apiId, body);
    }

    @Delete(uri = "/{apiId}")
    public HttpResponse<?> delete(HttpRequest<?> request, @PathVariable String apiId) throws Exception {
        Identifiers.check("apiId", apiId);
        if (state.api(apiId).isPresent()) {
            state.deleteApi(apiId);
            return HttpResponse.noContent();
        }
        // a model API or none: the management model answers If-Match ("*" on a missing one is 412) and 404 alike
        return modelApis.delete(request, apiId);
    }

    /** Every failure of this controller's routes, rendered as problem+json by the admin API's one mapping. */
    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
