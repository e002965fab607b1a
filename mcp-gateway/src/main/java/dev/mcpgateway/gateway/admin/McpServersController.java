package dev.mcpgateway.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.catalog.McpServerCatalog;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.config.DefinitionCodec;
import dev.mcpgateway.gateway.config.Identifiers;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import dev.mcpgateway.gateway.state.GatewayState;
import dev.mcpgateway.gateway.state.GatewayState.Entry;
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

/** {@code /admin/mcp-servers}: which operations of which API are served at {@code /mcp/{name}}, and how. */
@Controller("/admin/mcp-servers")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class McpServersController {

    private final GatewayState state;
    private final McpServerCatalog catalog;
    private final DefinitionCodec codec;
    private final AdminRequests requests;
    private final AdminViews views;
    private final ObjectMapper json;

    public McpServersController(GatewayState state, McpServerCatalog catalog, DefinitionCodec codec,
                                ObjectMapper json) {
        this.state = state;
        this.catalog = catalog;
        this.codec = codec;
        this.json = json;
        this.requests = new AdminRequests(json);
        this.views = new AdminViews(json, codec);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> list() {
        ObjectNode body = json.createObjectNode();
        ArrayNode value = body.putArray("value");
        state.servers().forEach(server -> value.add(view(server)));
        return HttpResponse.ok(body);
    }

    @Put(uri = "/{name}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> put(@PathVariable String name, @Body @Nullable String body) throws Exception {
        McpServerDefinition definition = codec.parseServer(name, requests.parse(body));
        boolean created = state.putServer(definition);
        ObjectNode view = view(state.server(name).orElseThrow());
        return created ? HttpResponse.created(view) : HttpResponse.ok(view);
    }

    @Get(uri = "/{name}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> get(@PathVariable String name) throws Exception {
        Identifiers.check("name", name);
        return HttpResponse.ok(view(state.server(name)
                .orElseThrow(() -> new ResourceNotFoundException("MCP server", name))));
    }

    @Delete(uri = "/{name}")
    public HttpResponse<?> delete(@PathVariable String name) throws Exception {
        Identifiers.check("name", name);
        state.deleteServer(name);
        return HttpResponse.noContent();
    }

    private ObjectNode view(Entry<McpServerDefinition> server) {
        int tools = catalog.find(server.value().name()).map(ServedMcpServer::tools).map(java.util.List::size)
                .orElse(0);
        return views.server(server, tools);
    }

    /** Every failure of this controller's routes, rendered as problem+json by the admin API's one mapping. */
    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
