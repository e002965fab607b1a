package dev.mcpgateway.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.ApiDefinition;
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

/** {@code /admin/apis}: register, inspect and remove OpenAPI-described APIs. */
@Controller("/admin/apis")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ApisController {

    private final GatewayState state;
    private final DefinitionCodec codec;
    private final AdminRequests requests;
    private final AdminViews views;
    private final ObjectMapper json;

    public ApisController(GatewayState state, DefinitionCodec codec, ObjectMapper json) {
        this.state = state;
        this.codec = codec;
        this.json = json;
        this.requests = new AdminRequests(json);
        this.views = new AdminViews(json, codec);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> list() {
        ObjectNode body = json.createObjectNode();
        ArrayNode value = body.putArray("value");
        state.apis().forEach(api -> value.add(views.api(api)));
        return HttpResponse.ok(body);
    }

    @Put(uri = "/{apiId}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> put(@PathVariable String apiId, @Body @Nullable String body) throws Exception {
        ApiDefinition definition = codec.parseApi(apiId, requests.parse(body), null);
        boolean created = state.putApi(definition);
        ObjectNode view = views.api(state.api(apiId).orElseThrow());
        return created ? HttpResponse.created(view) : HttpResponse.ok(view);
    }

    @Get(uri = "/{apiId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> get(@PathVariable String apiId) throws Exception {
        Identifiers.check("apiId", apiId);
        return HttpResponse.ok(views.api(state.api(apiId)
                .orElseThrow(() -> new ResourceNotFoundException("API", apiId))));
    }

    @Get(uri = "/{apiId}/operations", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> operations(@PathVariable String apiId) throws Exception {
        Identifiers.check("apiId", apiId);
        return HttpResponse.ok(views.operations(state.api(apiId)
                .orElseThrow(() -> new ResourceNotFoundException("API", apiId)).value()));
    }

    @Delete(uri = "/{apiId}")
    public HttpResponse<?> delete(@PathVariable String apiId) throws Exception {
        Identifiers.check("apiId", apiId);
        state.deleteApi(apiId);
        return HttpResponse.noContent();
    }

    /** Every failure of this controller's routes, rendered as problem+json by the admin API's one mapping. */
    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
