package dev.mcpgateway.gateway.catalog;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The seam between the MCP protocol layer and the rest of the gateway: the MCP servers the gateway serves, by the
 * name that appears in {@code /mcp/{server}}. The protocol layer only reads it; admin changes and gateway.yml feed it.
 */
public interface McpServerCatalog {

    /** The server served at {@code /mcp/{serverName}}, if there is one. */
    Optional<ServedMcpServer> find(String serverName);

    /**
     * Registers a listener that is told the name of every server whose tool list changed (tools added, removed or
     * redefined) or that was removed, so connected clients can be sent {@code notifications/tools/list_changed}.
     */
    Subscription onToolsChanged(Consumer<String> listener);

    /** Cancels a listener registration. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
