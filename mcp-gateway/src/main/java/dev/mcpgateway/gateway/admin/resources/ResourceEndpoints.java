package dev.mcpgateway.gateway.admin.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.admin.AdminRequests;
import dev.mcpgateway.gateway.config.Identifiers;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.BodyShape;
import dev.mcpgateway.gateway.resource.ListQuery;
import dev.mcpgateway.gateway.resource.ManagementState;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceType;
import dev.mcpgateway.gateway.state.ResourceNotFoundException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The five routes every resource collection has, as in APIM's management API: list (paged, filtered), get, put
 * (create or replace), patch (JSON merge patch) and delete, with {@code ETag} / {@code If-Match}. Each collection's
 * controller binds them to its path.
 */
public final class ResourceEndpoints {

    private final ManagementState state;
    private final ResourceKind kind;
    private final ResourceType type;
    private final ResourceViews views;
    private final AdminRequests bodies;

    public ResourceEndpoints(ManagementState state, ResourceKind kind, Map<ResourceKind, ResourceType> types,
                             ObjectMapper json) {
        this.state = state;
        this.kind = kind;
        this.type = types.get(kind);
        this.views = new ResourceViews(json);
        this.bodies = new AdminRequests(json);
    }

    public HttpResponse<?> list(HttpRequest<?> request) throws InvalidDefinitionException {
        return list(request, r -> true);
    }

    /** The collection, narrowed to {@code within} (a product's links), then paged and filtered. */
    public HttpResponse<?> list(HttpRequest<?> request, java.util.function.Predicate<Resource> within)
            throws InvalidDefinitionException {
        BodyShape shape = ResourceViews.shapeOf(request);
        return list(request, state.list(kind).stream().filter(within).toList(), r -> views.one(r, type, shape));
    }

    /**
     * {@code resources} paged and filtered by the request's {@code $top}, {@code $skip} and {@code $filter}, each
     * shown by {@code show}: a route that serves more than this collection (OpenAPI APIs beside model APIs) lists
     * them all alike.
     */
    public HttpResponse<?> list(HttpRequest<?> request, List<Resource> resources,
                                java.util.function.Function<Resource, ObjectNode> show)
            throws InvalidDefinitionException {
        var p = request.getParameters();
        ListQuery query = ListQuery.parse(p.get("$top"), p.get("$skip"), p.get("$filter"));
        int total = (int) resources.stream().filter(query.filter()).count();
        return views.page(request, query.page(resources), total, show);
    }

    public HttpResponse<?> get(HttpRequest<?> request, String id) throws Exception {
        return views.answer(HttpResponse.ok(), existing(id), type, ResourceViews.shapeOf(request));
    }

    public HttpResponse<?> put(HttpRequest<?> request, String id, String body) throws Exception {
        checkId(id);
        JsonNode tree = bodies.parse(body);
        BodyShape shape = BodyShape.of(tree);
        ManagementState.Written written = state.put(kind, id, shape.properties(tree), ifMatch(request));
        return views.answer(written.created() ? HttpResponse.status(io.micronaut.http.HttpStatus.CREATED) : HttpResponse.ok(), written.resource(),
                type, shape == BodyShape.ARM ? shape : ResourceViews.shapeOf(request));
    }

    /** RFC 7396 merge patch of the properties: a null removes a property, an object merges into an object. */
    public HttpResponse<?> patch(HttpRequest<?> request, String id, String body) throws Exception {
        checkId(id);
        JsonNode tree = bodies.parse(body);
        BodyShape shape = BodyShape.of(tree);
        ObjectNode patch = shape.properties(tree);
        ManagementState.Written written = state.update(kind, id, ifMatch(request), current -> merge(current, patch));
        return views.answer(HttpResponse.ok(), written.resource(), type,
                shape == BodyShape.ARM ? shape : ResourceViews.shapeOf(request));
    }

    public HttpResponse<?> delete(HttpRequest<?> request, String id) throws Exception {
        checkId(id);
        state.delete(kind, id, ifMatch(request));
        return HttpResponse.noContent();
    }

    public Resource existing(String id) throws Exception {
        checkId(id);
        return state.get(kind, id).orElseThrow(() -> new ResourceNotFoundException(kind.noun(), id));
    }

    public ResourceType type() {
        return type;
    }

    public ResourceViews views() {
        return views;
    }

    static String ifMatch(HttpRequest<?> request) {
        return request.getHeaders().get(HttpHeaders.IF_MATCH);
    }

    private static void checkId(String id) throws InvalidDefinitionException {
        for (String part : id.split("/", -1)) {
            Identifiers.check("id", part);
        }
    }

    private static ObjectNode merge(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value instanceof ObjectNode o && target.get(e.getKey()) instanceof ObjectNode t) {
                merge(t, o);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        });
        return target;
    }
}
