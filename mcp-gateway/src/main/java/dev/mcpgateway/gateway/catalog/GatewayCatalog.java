package dev.mcpgateway.gateway.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served MCP servers, as one immutable snapshot swapped whole on every change: a reader (the protocol layer,
 * on any thread) always sees a consistent set of servers and never waits for a writer.
 */
public final class GatewayCatalog implements McpServerCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCatalog.class);

    private volatile Map<String, ServedMcpServer> servers = Map.of();
    private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Optional<ServedMcpServer> find(String serverName) {
        return Optional.ofNullable(servers.get(serverName));
    }

    /** Every served server's name. */
    public Set<String> names() {
        return servers.keySet();
    }

    @Override
    public Subscription onToolsChanged(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Replaces the snapshot and tells listeners which servers changed (added, redefined or removed).
     * Callers serialise their writes; listeners run on the writer's thread and must not block.
     */
    public void publish(Map<String, ServedMcpServer> next, Set<String> changed) {
        servers = Map.copyOf(next);
        for (String name : changed) {
            for (Consumer<String> listener : listeners) {
                try {
                    listener.accept(name);
                } catch (RuntimeException e) {
                    LOG.warn("tools-changed listener failed for server {}", name, e);
                }
            }
        }
    }
}
