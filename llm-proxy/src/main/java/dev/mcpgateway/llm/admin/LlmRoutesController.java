package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.backend.BackendRegistry;
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

/** {@code /admin/llm-routes}: which pool or backend serves a deployment or model name. */
@Controller("/admin/llm-routes")
public class LlmRoutesController {

    private final RouteTable routes;
    private final PoolRegistry pools;
    private final BackendRegistry backends;

    public LlmRoutesController(RouteTable routes, PoolRegistry pools, BackendRegistry backends) {
        this.routes = routes;
        this.pools = pools;
        this.backends = backends;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> list() {
        ObjectNode all = AdminSupport.JSON.createObjectNode();
        routes.all().forEach(all::put);
        ObjectNode page = AdminSupport.JSON.createObjectNode();
        page.set("value", all);
        return AdminSupport.json(page);
    }

    @Put(uri = "/{name}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> put(@PathVariable String name, @Nullable @Body byte[] body) {
        return AdminSupport.guard(() -> {
            String target = AdminSupport.text(AdminSupport.body(body), "target");
            if (target == null || (pools.get(target).isEmpty() && backends.get(target).isEmpty())) {
                throw new IllegalArgumentException("target must name an existing backend pool or backend");
            }
            routes.put(name, target);
            ObjectNode o = AdminSupport.JSON.createObjectNode().put("name", name).put("target", target);
            return AdminSupport.json(o);
        });
    }

    @Delete(uri = "/{name}")
    MutableHttpResponse<?> delete(@PathVariable String name) {
        return AdminSupport.guard(() -> {
            if (!routes.remove(name)) {
                throw new Problem.Failure(Problem.notFound("route", name));
            }
            return HttpResponse.noContent();
        });
    }
}
