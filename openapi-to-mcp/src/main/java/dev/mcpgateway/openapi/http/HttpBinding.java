package dev.mcpgateway.openapi.http;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The precompiled wire binding of one OpenAPI operation: everything needed to turn validated tool arguments into
 * an HTTP request, and the response back into a tool result, without re-reading the spec.
 *
 * @param method       upper-case HTTP method
 * @param server       the effective server
 * @param pathTemplate the OpenAPI path with {@code {name}} placeholders (wire names)
 * @param parameters   the parameters the model supplies, in inputSchema order
 * @param body         the request body, if the operation has one
 * @param constants    pinned parameters hidden from the model
 * @param security     alternatives of scheme sets; empty when the operation needs no credentials
 * @param response     response mapping rules
 */
public record HttpBinding(String method, ServerBinding server, String pathTemplate, List<ParameterBinding> parameters,
                          Optional<BodyBinding> body, List<ConstantParameter> constants,
                          List<SecurityRequirement> security, ResponseBinding response) {

    public HttpBinding {
        ParameterBinding.requireText(method, "method");
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(body, "body");
        constants = List.copyOf(constants);
        security = List.copyOf(security);
        Objects.requireNonNull(response, "response");
        checkArgumentsUnique(parameters, body);
        PathTemplate.check(pathTemplate, parameters, constants);
    }

    /**
     * Serialises arguments (already validated against the inputSchema) into the exact request. Still refuses what
     * only the wire can judge: a missing required parameter, path traversal, undecodable base64, oversized files.
     */
    public HttpRequestPlan buildRequest(Map<String, Object> arguments, BackendTarget target)
            throws InvalidArgumentsException {
        return RequestBuilder.build(this, arguments, target);
    }

    /** Maps the backend's response to the tool result the model sees. */
    public McpSchema.CallToolResult toResult(HttpResponseData responseData) {
        return ResponseMapper.map(responseData, response);
    }

    private static void checkArgumentsUnique(List<ParameterBinding> parameters, Optional<BodyBinding> body) {
        var seen = new HashSet<String>();
        for (ParameterBinding parameter : parameters) {
            if (!seen.add(parameter.argument())) {
                throw new IllegalArgumentException("argument " + parameter.argument() + " is bound twice");
            }
        }
        body.ifPresent(b -> {
            List<String> names = b.shape() == BodyShape.WHOLE ? List.of(b.wholeArgument())
                    : b.properties().stream().map(BodyProperty::argument).toList();
            for (String name : names) {
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("argument " + name + " is bound twice");
                }
            }
        });
    }
}
