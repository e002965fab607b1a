package dev.mcpgateway.openapi.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small builders for bindings in tests. */
final class Bindings {

    static final String SERVER = "https://api.example.com/v1";

    private Bindings() {
    }

    static HttpBinding get(String path, ParameterBinding... parameters) {
        return new HttpBinding("GET", ServerBinding.of(SERVER), path, List.of(parameters), Optional.empty(),
                List.of(), List.of(), ResponseBinding.defaults());
    }

    static HttpBinding withBody(String method, String path, BodyBinding body, ParameterBinding... parameters) {
        return new HttpBinding(method, ServerBinding.of(SERVER), path, List.of(parameters), Optional.of(body),
                List.of(), List.of(), ResponseBinding.defaults());
    }

    static ParameterBinding query(String name, ParameterStyle style, boolean explode, ValueShape shape) {
        return new ParameterBinding(name, ParameterLocation.QUERY, name, style, explode, false, shape, false);
    }

    static ParameterBinding path(String name, ParameterStyle style, boolean explode, ValueShape shape) {
        return new ParameterBinding(name, ParameterLocation.PATH, name, style, explode, false, shape, true);
    }

    static HttpRequestPlan build(HttpBinding binding, Map<String, Object> args) throws InvalidArgumentsException {
        return binding.buildRequest(args, BackendTarget.specDefaults());
    }

    /** The path and query of the plan's URI, exactly as they will be sent (still percent-encoded). */
    static String target(HttpRequestPlan plan) {
        String raw = plan.uri().getRawPath() + (plan.uri().getRawQuery() == null ? "" : "?" + plan.uri().getRawQuery());
        return raw.substring("/v1".length());
    }

    static final List<Object> COLORS = List.of("blue", "black", "brown");
    static final Map<String, Object> RGB = rgb();

    private static Map<String, Object> rgb() {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("R", 100);
        map.put("G", 200);
        map.put("B", 150);
        return map;
    }
}
