package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.config.BackendProperties;
import dev.mcpgateway.llm.config.PoolProperties;
import io.micronaut.context.annotation.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which pool (or single backend) serves a deployment or model name: the {@code models} lists of
 * {@code llm.pools.*} and {@code llm.backends.*}, plus routes set through {@code /admin/llm-routes}.
 */
@Context
public class RouteTable {

    private final Map<String, String> routes = new ConcurrentHashMap<>();

    public RouteTable(List<BackendProperties> backends, List<PoolProperties> pools) {
        backends.forEach(b -> b.getModels().forEach(m -> routes.put(m, b.getId())));
        pools.forEach(p -> p.getModels().forEach(m -> routes.put(m, p.getId())));
    }

    /** The pool or backend id serving {@code name}. */
    public Optional<String> target(String name) {
        return Optional.ofNullable(routes.get(name));
    }

    public void put(String name, String target) {
        routes.put(name, target);
    }

    public boolean remove(String name) {
        return routes.remove(name) != null;
    }

    public Map<String, String> all() {
        return new TreeMap<>(routes);
    }
}
