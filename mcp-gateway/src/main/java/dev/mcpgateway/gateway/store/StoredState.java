package dev.mcpgateway.gateway.store;

import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import java.util.List;

/** Everything a store holds, as read at start-up. */
public record StoredState(List<ApiDefinition> apis, List<McpServerDefinition> servers) {

    public StoredState {
        apis = List.copyOf(apis);
        servers = List.copyOf(servers);
    }

    public static StoredState empty() {
        return new StoredState(List.of(), List.of());
    }
}
