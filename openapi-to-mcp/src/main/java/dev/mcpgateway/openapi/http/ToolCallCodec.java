package dev.mcpgateway.openapi.http;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * One tool's call path, compiled once at import: validates arguments against the inputSchema, then serialises them
 * with the binding; maps responses back. Thread-safe; {@code ToolDefinition} delegates its two calls here.
 */
public final class ToolCallCodec {

    private final ArgumentValidator validator;
    private final HttpBinding binding;

    private ToolCallCodec(ArgumentValidator validator, HttpBinding binding) {
        this.validator = validator;
        this.binding = binding;
    }

    /**
     * @param inputSchema the tool's inputSchema (JSON Schema 2020-12, as in {@code McpSchema.Tool.inputSchema()})
     * @throws IllegalArgumentException when the schema itself cannot be compiled
     */
    public static ToolCallCodec compile(Map<String, Object> inputSchema, HttpBinding binding) {
        return new ToolCallCodec(ArgumentValidator.compile(inputSchema), binding);
    }

    public HttpBinding binding() {
        return binding;
    }

    public HttpRequestPlan buildRequest(Map<String, Object> arguments, BackendTarget target)
            throws InvalidArgumentsException {
        return RequestBuilder.build(binding, validator.validateTree(arguments), target);
    }

    public McpSchema.CallToolResult toResult(HttpResponseData response) {
        return binding.toResult(response);
    }
}
