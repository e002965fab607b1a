package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serialises path and header values with the simple, label and matrix styles. Path values are percent-encoded
 * per RFC 3986 (a '/' in a value can never open a new segment); header values are sent as text.
 */
final class PathSerializer {

    private PathSerializer() {
    }

    /** The path fragment replacing {@code {name}}: {@code blue}, {@code .blue.black}, {@code ;color=blue}. */
    static String path(String name, ParameterStyle style, boolean explode, JsonNode value) {
        return serialise(name, style, explode, value, PercentEncoder.STRICT::encode);
    }

    /** A header value in simple style. */
    static String header(boolean explode, JsonNode value) {
        return serialise("", ParameterStyle.SIMPLE, explode, value, s -> s);
    }

    private static String serialise(String name, ParameterStyle style, boolean explode, JsonNode value,
                                    java.util.function.UnaryOperator<String> enc) {
        String prefix = switch (style) {
            case LABEL -> ".";
            case MATRIX -> ";";
            default -> "";
        };
        String n = enc.apply(name);
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(enc.apply(JsonValues.text(item))));
            return switch (style) {
                case LABEL -> prefix + String.join(explode ? "." : ",", items);
                case MATRIX -> explode
                        ? items.stream().map(i -> ";" + n + "=" + i).reduce("", String::concat)
                        : ";" + n + (items.isEmpty() ? "" : "=" + String.join(",", items));
                default -> String.join(",", items);
            };
        }
        if (value.isObject()) {
            List<String> flat = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String k = enc.apply(field.getKey());
                String v = enc.apply(JsonValues.text(field.getValue()));
                if (explode) {
                    flat.add(style == ParameterStyle.MATRIX ? ";" + k + "=" + v : k + "=" + v);
                } else {
                    flat.add(k);
                    flat.add(v);
                }
            }
            return switch (style) {
                case LABEL -> prefix + String.join(explode ? "." : ",", flat);
                case MATRIX -> explode ? String.join("", flat) : ";" + n + "=" + String.join(",", flat);
                default -> String.join(",", flat);
            };
        }
        String v = enc.apply(JsonValues.text(value));
        if (style == ParameterStyle.MATRIX) {
            return v.isEmpty() ? ";" + n : ";" + n + "=" + v;
        }
        return prefix + v;
    }
}
