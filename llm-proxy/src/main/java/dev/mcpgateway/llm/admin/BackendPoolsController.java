package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.balance.PoolRegistry;
import dev.mcpgateway.llm.route.RouteTable;
import dev.mcpgateway.llm.state.LlmKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import java.util.Comparator;

/**
 * {@code /admin/backend-pools}: pools of backends with weight and priority per member, optional session affinity,
 * and the deployment/model names routed to the pool ({@code models}).
 */
@Controller("/admin/backend-pools")
public class BackendPoolsController {

    private final PoolRegistry pools;
    private final RouteTable routes;
    private final LlmAdminState state;

    public BackendPoolsController(PoolRegistry pools, RouteTable routes, LlmAdminState state) {
        this.pools = pools;
        this.routes = routes;
        this.state = state;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> list() {
        ArrayNode all = AdminSupport.JSON.createArrayNode();
        pools.all().stream().sorted(Comparator.comparing(Pool::id)).forEach(p -> all.add(write(p)));
        ObjectNode page = AdminSupport.JSON.createObjectNode();
        page.set("value", all);
        return AdminSupport.json(page);
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> get(@PathVariable String id) {
        return AdminSupport.guard(() -> AdminSupport.json(write(pools.get(id)
                .orElseThrow(() -> new Problem.Failure(Problem.notFound("backend pool", id))))));
    }

    @Put(uri = "/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> put(@PathVariable String id, @Nullable @Body byte[] body) {
        return AdminSupport.guard(() -> {
            ObjectNode spec = AdminSupport.body(body);
            boolean created = pools.get(id).isEmpty();
            state.put(LlmKind.POOLS, id, spec);
            Pool pool = pools.get(id).orElseThrow();
            MutableHttpResponse<?> ok = AdminSupport.json(write(pool));
            return created ? ok.status(io.micronaut.http.HttpStatus.CREATED) : ok;
        });
    }

    @Delete(uri = "/{id}")
    MutableHttpResponse<?> delete(@PathVariable String id) {
        return AdminSupport.guard(() -> {
            if (!state.remove(LlmKind.POOLS, id)) {
                throw new Problem.Failure(Problem.notFound("backend pool", id));
            }
            return HttpResponse.noContent();
        });
    }

    private ObjectNode write(Pool pool) {
        ObjectNode o = LlmDocuments.poolJson(pool);
        ArrayNode models = o.putArray("models");
        routes.all().forEach((name, target) -> {
            if (target.equals(pool.id())) {
                models.add(name);
            }
        });
        return o;
    }
}
