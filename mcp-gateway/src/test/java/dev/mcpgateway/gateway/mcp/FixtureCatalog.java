package dev.mcpgateway.gateway.mcp;

import dev.mcpgateway.gateway.catalog.McpServerCatalog;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The catalog the protocol tests serve: a few in-memory servers whose tools the tests can change at run time.
 * Only active in this slice's tests, so it never meets the real catalog.
 */
@Singleton
@Replaces(McpServerCatalog.class)
@Requires(property = "spec.name", pattern = "mcp-proto.*")
public class FixtureCatalog implements McpServerCatalog {

    private final Map<String, FixtureServer> servers = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public FixtureCatalog() {
        put(FixtureServer.demo("demo"));
        put(FixtureServer.demo("other"));
        put(FixtureServer.many("big", 250));
        put(ConformanceTools.server("conformance"));
    }

    @Override
    public Optional<ServedMcpServer> find(String serverName) {
        return Optional.ofNullable(servers.get(serverName));
    }

    @Override
    public Subscription onToolsChanged(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public FixtureServer server(String name) {
        return servers.get(name);
    }

    /** Adds a tool to a server and tells the listeners, as an admin change would. */
    public void addTool(String serverName, String toolName) {
        servers.get(serverName).addTool(toolName);
        listeners.forEach(l -> l.accept(serverName));
    }

    private void put(FixtureServer server) {
        servers.put(server.name(), server);
    }
}
