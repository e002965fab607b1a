package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Models often send a top-level argument as a string: an object or array JSON-encoded, a number or boolean in
 * quotes. When the argument's schema never accepts a string, such a value is converted before validation, so the
 * call succeeds and the API receives the right JSON type. Decided once per tool from the inputSchema.
 */
final class ArgumentCoercion {

    enum Kind { CONTAINER, INTEGER, NUMBER, BOOLEAN }

    private static final int MAX_REF_HOPS = 8;
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,30})");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private final Map<String, Kind> kinds;

    private ArgumentCoercion(Map<String, Kind> kinds) {
        this.kinds = kinds;
    }

    static ArgumentCoercion of(JsonNode root) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : root.path("properties").properties()) {
            Kind kind = kind(root, property.getValue(), 0);
            if (kind != null) {
                kinds.put(property.getKey(), kind);
            }
        }
        return new ArgumentCoercion(Map.copyOf(kinds));
    }

    void apply(ObjectNode args) {
        kinds.forEach((name, kind) -> {
            JsonNode value = args.get(name);
            if (value == null || !value.isTextual()) {
                return;
            }
            String text = value.textValue().trim();
            JsonNode converted = switch (kind) {
                case CONTAINER -> {
                    JsonNode parsed = ResponseMapper.parse(text.getBytes(StandardCharsets.UTF_8));
                    yield parsed != null && parsed.isContainerNode() ? parsed : null;
                }
                case INTEGER -> INTEGER.matcher(text).matches()
                        ? JsonValues.MAPPER.getNodeFactory().numberNode(new java.math.BigInteger(text)) : null;
                case NUMBER -> NUMBER.matcher(text).matches() && text.length() <= 64
                        ? DecimalNode.valueOf(new BigDecimal(text)) : null;
                case BOOLEAN -> text.equals("true") || text.equals("false")
                        ? BooleanNode.valueOf(Boolean.parseBoolean(text)) : null;
            };
            if (converted != null) {
                args.set(name, converted);
            }
        });
    }

    private static Kind kind(JsonNode root, JsonNode schema, int hops) {
        if (hops > MAX_REF_HOPS || !schema.isObject()) {
            return null;
        }
        if (schema.path("$ref").isTextual()) {
            String ref = schema.get("$ref").textValue();
            return ref.startsWith("#/") ? kind(root, root.at(ref.substring(1)), hops + 1) : null;
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return ofType(type.textValue());
        }
        if (type != null && type.isArray()) {
            Kind found = null;
            for (JsonNode t : type) {
                if (t.asText().equals("string")) {
                    return null;
                }
                Kind k = ofType(t.asText());
                found = k != null && found == null ? k : found;
            }
            return found;
        }
        for (String union : new String[] {"anyOf", "oneOf"}) {
            if (schema.path(union).isArray() && !schema.get(union).isEmpty()) {
                for (JsonNode branch : schema.get(union)) {
                    if (kind(root, branch, hops + 1) != Kind.CONTAINER && !branch.path("type").asText().equals("null")) {
                        return null;
                    }
                }
                return Kind.CONTAINER;
            }
        }
        if (schema.path("allOf").isArray()) {
            for (JsonNode branch : schema.get("allOf")) {
                Kind k = kind(root, branch, hops + 1);
                if (k != null) {
                    return k;
                }
            }
        }
        return schema.has("properties") || schema.has("items") || schema.has("prefixItems") ? Kind.CONTAINER : null;
    }

    private static Kind ofType(String type) {
        return switch (type) {
            case "object", "array" -> Kind.CONTAINER;
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            default -> null;
        };
    }
}
