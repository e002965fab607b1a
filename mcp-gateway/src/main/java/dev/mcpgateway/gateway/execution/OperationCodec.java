package dev.mcpgateway.gateway.execution;

import dev.mcpgateway.openapi.http.BackendTarget;
import dev.mcpgateway.openapi.http.HttpRequestPlan;
import dev.mcpgateway.openapi.http.HttpResponseData;
import dev.mcpgateway.openapi.http.InvalidArgumentsException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * The two calls the executor makes on a compiled operation: arguments to request, response to result. Implemented by
 * openapi-to-mcp's {@code ToolDefinition} and {@code ToolCallCodec}; the executor knows nothing else about OpenAPI.
 */
public interface OperationCodec {

    HttpRequestPlan buildRequest(Map<String, Object> arguments, BackendTarget target) throws InvalidArgumentsException;

    McpSchema.CallToolResult toResult(HttpResponseData response);
}
