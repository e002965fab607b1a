package dev.mcpgateway.openapi.http;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * One tool's call path: validates arguments against the tool's schema, then serialises them with the binding; maps
 * responses back. The argument validator is compiled on the first call, once: a catalog of thousands of tools of
 * which few are ever called keeps only their schemas (shared with the listed tools), not a compiled validator each.
 * Thread-safe; {@code ToolDefinition} delegates its two calls here.
 */
public final class ToolCallCodec {

    private final Map<String, Object> validationSchema;
    private final HttpBinding binding;
    private volatile ArgumentValidator validator;

    private ToolCallCodec(Map<String, Object> validationSchema, HttpBinding binding) {
        this.validationSchema = validationSchema;
        this.binding = binding;
    }

    /**
     * @param validationSchema the schema arguments are checked against (JSON Schema 2020-12): the tool's
     *                         inputSchema, or its enforced form when some constraints are hidden from clients
     */
    public static ToolCallCodec of(Map<String, Object> validationSchema, HttpBinding binding) {
        return new ToolCallCodec(validationSchema, binding);
    }

    public HttpBinding binding() {
        return binding;
    }

    /**
     * @throws IllegalStateException when the schema cannot be compiled (a defect: every schema the importer emits
     *                               compiles, which the corpus tests check)
     */
    public HttpRequestPlan buildRequest(Map<String, Object> arguments, BackendTarget target)
            throws InvalidArgumentsException {
        return RequestBuilder.build(binding, validator().validateTree(arguments), target);
    }

    public McpSchema.CallToolResult toResult(HttpResponseData response) {
        return binding.toResult(response);
    }

    private ArgumentValidator validator() {
        ArgumentValidator compiled = validator;
        if (compiled == null) {
            synchronized (this) {
                compiled = validator;
                if (compiled == null) {
                    try {
                        compiled = ArgumentValidator.compile(validationSchema);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("the tool's inputSchema does not compile", e);
                    }
                    validator = compiled;
                }
            }
        }
        return compiled;
    }
}
