package dev.mcpgateway.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An MCP server as the administrator declares it: which API, which of its operations, how tools are named.
 *
 * @param name       the name in {@code /mcp/{name}}
 * @param apiId      the API whose operations it serves
 * @param operations the operationIds to serve, in this order; empty = all of the API's operations in spec order
 * @param tools      per-operationId overrides of the tool name and description
 * @param mode       one tool per operation, or the compact three-tool mode for very large APIs
 */
public record McpServerDefinition(String name, String apiId, Optional<List<String>> operations,
                                  Map<String, ToolOverride> tools, ServerMode mode) {

    public McpServerDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiId, "apiId");
        operations = operations == null ? Optional.empty() : operations.map(List::copyOf);
        tools = tools == null ? Map.of() : Map.copyOf(tools);
        mode = mode == null ? ServerMode.TOOLS : mode;
    }

    /** A name and/or description replacing what the spec says; null keeps the spec's. */
    public record ToolOverride(String name, String description) {
    }

    /** How a server presents its operations. */
    public enum ServerMode {
        /** One MCP tool per operation. */
        TOOLS("tools"),
        /** Three tools (search, describe, invoke) whatever the API's size: for clients that cap tool counts. */
        COMPACT("compact");

        private final String configName;

        ServerMode(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }
}
