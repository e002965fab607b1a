package dev.mcpgateway.openapi;

import dev.mcpgateway.openapi.http.BackendTarget;
import dev.mcpgateway.openapi.http.HttpBinding;
import dev.mcpgateway.openapi.http.HttpRequestPlan;
import dev.mcpgateway.openapi.http.HttpResponseData;
import dev.mcpgateway.openapi.http.InvalidArgumentsException;
import dev.mcpgateway.openapi.http.ToolCallCodec;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation as an MCP tool, compiled once at import: the tool as listed to clients, where it came from, its
 * wire binding, and the two calls the gateway makes per {@code tools/call}. Immutable and thread-safe.
 *
 * @param tool          the MCP tool (name, title, description, inputSchema, outputSchema, annotations)
 * @param operationId   the spec's operationId, null when it has none
 * @param method        upper-case HTTP method
 * @param pathTemplate  the OpenAPI path
 * @param tags          the operation's tags
 * @param variant       the request body variant this tool sends ({@link UnionBodies#SPLIT}), null when the tool is
 *                      the whole operation
 * @param binding       how arguments reach the wire
 * @param warnings      what the conversion could not keep exactly (empty when lossless)
 * @param codec         the compiled validator and serialiser behind {@link #buildRequest} and {@link #toResult}
 */
public record ToolDefinition(McpSchema.Tool tool, String operationId, String method, String pathTemplate,
                             List<String> tags, String variant, HttpBinding binding, List<String> warnings,
                             ToolCallCodec codec) {

    public ToolDefinition {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        tags = List.copyOf(tags);
        Objects.requireNonNull(binding, "binding");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(codec, "codec");
    }

    /** How the gateway and the admin API know this tool: the operation, and {@code #variant} for a variant tool. */
    public String key() {
        String operation = operationId != null ? operationId : method + " " + pathTemplate;
        return variant == null ? operation : operation + "#" + variant;
    }

    /** The tool name as clients see it. */
    public String name() {
        return tool.name();
    }

    /**
     * Validates the arguments against the inputSchema (messages name the argument) and serialises them into the
     * exact HTTP request. Credentials are not added here: the gateway adds them to the plan.
     */
    public HttpRequestPlan buildRequest(Map<String, Object> arguments, BackendTarget target)
            throws InvalidArgumentsException {
        return codec.buildRequest(arguments == null ? Map.of() : arguments, target);
    }

    /** Maps the backend's HTTP response to the MCP tool result. */
    public McpSchema.CallToolResult toResult(HttpResponseData response) {
        return codec.toResult(response);
    }
}
