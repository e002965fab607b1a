package dev.mcpgateway.llm.route;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which pool (or single backend) serves a deployment or model name, for calls to an API that names no backend of
 * its own. Empty at start, filled and changed by whoever compiles the resource definitions.
 */
@Singleton
public class RouteTable {

    private final Map<String, String> routes = new ConcurrentHashMap<>();

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
