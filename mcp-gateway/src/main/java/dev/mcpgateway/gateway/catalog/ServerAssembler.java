package dev.mcpgateway.gateway.catalog;

import dev.mcpgateway.gateway.compact.CompactToolServer;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import dev.mcpgateway.gateway.config.McpServerDefinition.ToolOverride;
import dev.mcpgateway.gateway.mcp.protocol.ToolFilter;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Builds the served form of an MCP server from its definition and its compiled API: selects the operations, applies
 * the tool overrides, and checks that the result is a valid tool list (every operation known, names unique and
 * in MCP's tool-name alphabet). Errors name the definition's field.
 */
public final class ServerAssembler {

    /** MCP's tool name rule: 1 to 128 characters of letters, digits, '_', '-' and '.'. */
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private final OperationRunner runner;
    private final Supplier<ToolFilter> filter;

    /**
     * @param filter the tool rules, looked up when a compact server is called rather than now: they read the state
     *               whose servers this builds
     */
    public ServerAssembler(OperationRunner runner, Supplier<ToolFilter> filter) {
        this.runner = runner;
        this.filter = filter;
    }

    public ServedMcpServer assemble(McpServerDefinition definition, CompiledApi api) throws InvalidDefinitionException {
        List<ServedOperation> operations = select(definition, api);
        McpSchema.Implementation info = new McpSchema.Implementation(definition.name(),
                api.title() == null ? definition.name() : api.title(),
                api.version() == null ? "0" : api.version());
        Optional<String> instructions = Optional.ofNullable(api.title())
                .map(title -> "Tools that call the " + title + " API through the gateway.");
        return switch (definition.mode()) {
            case TOOLS -> new OperationToolServer(definition.name(), info, instructions, operations, api.backend(),
                    runner);
            case COMPACT -> new CompactToolServer(definition.name(), info, instructions, operations, api.backend(),
                    runner, filter);
        };
    }

    private static List<ServedOperation> select(McpServerDefinition definition, CompiledApi api)
            throws InvalidDefinitionException {
        Map<String, CompiledOperation> byId = api.operationsById();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        List<String> listed = definition.operations().orElseGet(() -> List.copyOf(byId.keySet()));
        for (int i = 0; i < listed.size(); i++) {
            List<String> tools = toolsOf(listed.get(i), byId);
            if (tools.isEmpty()) {
                throw new InvalidDefinitionException("operations[" + i + "]", "API '" + api.apiId()
                        + "' has no operation '" + listed.get(i) + "' (see GET /admin/apis/" + api.apiId()
                        + "/operations)");
            }
            ids.addAll(tools);
        }
        for (String operationId : definition.tools().keySet()) {
            if (!ids.contains(operationId)) {
                List<String> variants = toolsOf(operationId, byId);
                throw new InvalidDefinitionException("tools." + operationId, variants.isEmpty()
                        ? "is not one of the server's operations"
                        : "is split per request body variant: name one of " + variants);
            }
        }
        List<ServedOperation> served = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (String operationId : ids) {
            CompiledOperation operation = byId.get(operationId);
            McpSchema.Tool tool = rename(operation.tool(), definition.tools().get(operationId));
            if (!TOOL_NAME.matcher(tool.name()).matches()) {
                throw new InvalidDefinitionException("tools." + operationId + ".name",
                        "must be 1-128 characters of letters, digits, '_', '-' or '.'");
            }
            String previous = owners.putIfAbsent(tool.name(), operationId);
            if (previous != null) {
                throw new InvalidDefinitionException("tools." + operationId + ".name",
                        "'" + tool.name() + "' is already the name of operation '" + previous + "'");
            }
            served.add(new ServedOperation(tool, operation));
        }
        return List.copyOf(served);
    }

    /** The operation itself, else the tools of its request body variants ({@code id#variant}), in API order. */
    private static List<String> toolsOf(String id, Map<String, CompiledOperation> byId) {
        if (byId.containsKey(id)) {
            return List.of(id);
        }
        return byId.keySet().stream().filter(key -> key.startsWith(id + "#")).toList();
    }

    private static McpSchema.Tool rename(McpSchema.Tool tool, ToolOverride override) {
        if (override == null) {
            return tool;
        }
        return new McpSchema.Tool(override.name() == null ? tool.name() : override.name(), tool.title(),
                override.description() == null ? tool.description() : override.description(), tool.inputSchema(),
                tool.outputSchema(), tool.annotations(), tool.meta(), tool.icons());
    }
}
