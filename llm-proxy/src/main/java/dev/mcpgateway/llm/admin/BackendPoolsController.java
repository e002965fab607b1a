package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.balance.PoolRegistry;
import dev.mcpgateway.llm.route.RouteTable;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /admin/backend-pools}: pools of backends with weight and priority per member, optional session affinity,
 * and the deployment/model names routed to the pool ({@code models}).
 */
@Controller("/admin/backend-pools")
public class BackendPoolsController {

    private final PoolRegistry pools;
    private final BackendRegistry backends;
    private final RouteTable routes;

    public BackendPoolsController(PoolRegistry pools, BackendRegistry backends, RouteTable routes) {
        this.pools = pools;
        this.backends = backends;
        this.routes = routes;
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
            List<Pool.Member> members = new ArrayList<>();
            JsonNode list = spec.path("backends");
            for (int i = 0; i < list.size(); i++) {
                JsonNode m = list.get(i);
                String backend = m.isTextual() ? m.asText() : m.path("id").asText(null);
                if (backend == null || backends.get(backend).isEmpty()) {
                    throw new IllegalArgumentException("backends[" + i + "]: backend '" + backend + "' does not exist");
                }
                members.add(new Pool.Member(backend, m.path("weight").asInt(1), m.path("priority").asInt(1)));
            }
            boolean created = pools.get(id).isEmpty();
            Pool pool = new Pool(id, members, Pool.Affinity.parse(AdminSupport.text(spec, "sessionAffinity")),
                    AdminSupport.text(spec, "affinityName"));
            pools.put(pool);
            spec.path("models").forEach(m -> routes.put(m.asText(), id));
            MutableHttpResponse<?> ok = AdminSupport.json(write(pool));
            return created ? ok.status(io.micronaut.http.HttpStatus.CREATED) : ok;
        });
    }

    @Delete(uri = "/{id}")
    MutableHttpResponse<?> delete(@PathVariable String id) {
        return AdminSupport.guard(() -> {
            if (!pools.remove(id)) {
                throw new Problem.Failure(Problem.notFound("backend pool", id));
            }
            return HttpResponse.noContent();
        });
    }

    private ObjectNode write(Pool pool) {
        ObjectNode o = AdminSupport.JSON.createObjectNode();
        o.put("id", pool.id());
        ArrayNode members = o.putArray("backends");
        pool.members().forEach(m -> members.addObject().put("id", m.backend()).put("weight", m.weight())
                .put("priority", m.priority()));
        o.put("sessionAffinity", pool.affinity().name().toLowerCase(java.util.Locale.ROOT));
        o.put("affinityName", pool.affinityName());
        ArrayNode models = o.putArray("models");
        routes.all().forEach((name, target) -> {
            if (target.equals(pool.id())) {
                models.add(name);
            }
        });
        return o;
    }
}
