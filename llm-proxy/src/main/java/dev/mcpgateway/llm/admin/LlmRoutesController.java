package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** {@code /admin/llm-routes}: which pool or backend serves a deployment or model name. */
@Controller("/admin/llm-routes")
public class LlmRoutesController {

    private final RouteTable routes;
    private final LlmAdminState state;

    public LlmRoutesController(RouteTable routes, LlmAdminState state) {
        this.routes = routes;
        this.state = state;
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
            state.put(LlmKind.ROUTES, name, AdminSupport.body(body));
            String target = routes.target(name).orElseThrow();
            ObjectNode o = AdminSupport.JSON.createObjectNode().put("name", name).put("target", target);
            return AdminSupport.json(o);
        });
    }

    @Delete(uri = "/{name}")
    MutableHttpResponse<?> delete(@PathVariable String name) {
        return AdminSupport.guard(() -> {
            if (!state.remove(LlmKind.ROUTES, name)) {
                throw new Problem.Failure(Problem.notFound("route", name));
            }
            return HttpResponse.noContent();
        });
    }
}
