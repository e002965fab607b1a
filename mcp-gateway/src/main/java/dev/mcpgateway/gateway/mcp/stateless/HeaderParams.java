package dev.mcpgateway.gateway.mcp.stateless;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code x-mcp-header} parameters of a tool: properties reachable from the input schema's root through
 * {@code properties} only, whose values a 2026-07-28 client mirrors into {@code Mcp-Param-*} headers.
 */
final class HeaderParams {

    /** One mirrored parameter: the header suffix and the property path to its value in the arguments. */
    record Param(String header, List<String> path) {
    }

    private HeaderParams() {
    }

    static List<Param> of(Tool tool) {
        List<Param> params = new ArrayList<>();
        collect(tool.inputSchema(), new ArrayList<>(), params);
        return params;
    }

    private static void collect(Object schema, List<String> path, List<Param> out) {
        if (!(schema instanceof Map<?, ?> map) || !(map.get("properties") instanceof Map<?, ?> properties)) {
            return;
        }
        properties.forEach((name, property) -> {
            List<String> child = new ArrayList<>(path);
            child.add(String.valueOf(name));
            if (property instanceof Map<?, ?> p && p.get("x-mcp-header") instanceof String header && !header.isBlank()) {
                out.add(new Param(header.toLowerCase(Locale.ROOT), List.copyOf(child)));
            }
            collect(property, child, out);
        });
    }

    /** The argument value at the parameter's path, empty when absent or null. */
    static Optional<Object> valueAt(Map<String, Object> arguments, List<String> path) {
        Object current = arguments;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }
}
