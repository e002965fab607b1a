package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.state.LlmKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;

/**
 * {@code /admin/backends}: model backends as in APIM (PUT creates or replaces, PATCH merges, {@code reconnect}
 * closes a tripped breaker). Responses never carry credentials, only their type.
 */
@Controller("/admin/backends")
public class BackendsController {

    private final BackendRegistry backends;
    private final LlmAdminState state;

    public BackendsController(BackendRegistry backends, LlmAdminState state) {
        this.backends = backends;
        this.state = state;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> list() {
        ArrayNode all = AdminSupport.JSON.createArrayNode();
        backends.all().stream().sorted(java.util.Comparator.comparing(Backend::id))
                .forEach(b -> all.add(BackendJson.write(b, backends.breaker(b.id()), false)));
        ObjectNode page = AdminSupport.JSON.createObjectNode();
        page.set("value", all);
        return AdminSupport.json(page);
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> get(@PathVariable String id) {
        return AdminSupport.guard(() -> AdminSupport.json(view(find(id))));
    }

    @Put(uri = "/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> put(@PathVariable String id, @Nullable @Body byte[] body) {
        return AdminSupport.guard(() -> {
            ObjectNode spec = AdminSupport.body(body);
            boolean created = backends.get(id).isEmpty();
            state.put(LlmKind.BACKENDS, id, spec);
            Backend backend = find(id);
            return created ? HttpResponse.created(bytes(view(backend))).contentType(MediaType.APPLICATION_JSON_TYPE)
                    : AdminSupport.json(view(backend));
        });
    }

    @Patch(uri = "/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> patch(@PathVariable String id, @Nullable @Body byte[] body) {
        return AdminSupport.guard(() -> {
            Backend current = find(id);
            ObjectNode merged = BackendJson.write(current, null, true);
            mergePatch(merged, AdminSupport.body(body));
            Backend backend = BackendJson.read(id, merged);
            state.change(LlmKind.BACKENDS, id, () -> backends.put(backend));
            return AdminSupport.json(view(backend));
        });
    }

    @Delete(uri = "/{id}")
    MutableHttpResponse<?> delete(@PathVariable String id) {
        return AdminSupport.guard(() -> {
            if (!state.remove(LlmKind.BACKENDS, id)) {
                throw new Problem.Failure(Problem.notFound("backend", id));
            }
            return HttpResponse.noContent();
        });
    }

    /** Closes the backend's circuit breaker at once (APIM's "reconnect"). */
    @Post(uri = "/{id}/reconnect", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> reconnect(@PathVariable String id) {
        return AdminSupport.guard(() -> {
            find(id);
            backends.breaker(id).reset();
            return AdminSupport.json(view(find(id)));
        });
    }

    private Backend find(String id) {
        return backends.get(id).orElseThrow(() -> new Problem.Failure(Problem.notFound("backend", id)));
    }

    private ObjectNode view(Backend backend) {
        return BackendJson.write(backend, backends.breaker(backend.id()), false);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return AdminSupport.JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7386 JSON merge patch: objects merge, null removes, anything else replaces. */
    static void mergePatch(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value instanceof ObjectNode p && target.get(e.getKey()) instanceof ObjectNode t) {
                mergePatch(t, p);
            } else {
                target.set(e.getKey(), value);
            }
        });
    }
}
