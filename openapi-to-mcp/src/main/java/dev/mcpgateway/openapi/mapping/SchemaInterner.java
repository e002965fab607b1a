package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns converted schemas into the immutable {@code Map} form {@code McpSchema.Tool} holds, sharing equal subtrees
 * between the tools of one import: a component schema inlined into hundreds of tools is then held once. Maps keep
 * their key order (it is the order a person previewing the tool reads). One interner per import; not thread-safe.
 */
public final class SchemaInterner {

    private final Map<Object, Object> canonical = new HashMap<>();

    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap(ObjectNode schema) {
        return (Map<String, Object>) convert(schema);
    }

    private Object convert(JsonNode node) {
        Object value;
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(intern(e.getKey()), convert(e.getValue())));
            value = Collections.unmodifiableMap(map);
        } else if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(convert(item)));
            value = Collections.unmodifiableList(list);
        } else if (node.isNull()) {
            return null;
        } else if (node.isTextual()) {
            value = node.asText();
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isIntegralNumber()) {
            value = node.canConvertToInt() ? (Object) node.intValue() : node.canConvertToLong() ? node.longValue()
                    : node.bigIntegerValue();
        } else if (node.isNumber()) {
            value = node.numberValue();
        } else {
            value = node.asText();
        }
        return intern(value);
    }

    @SuppressWarnings("unchecked")
    private <T> T intern(T value) {
        return (T) canonical.computeIfAbsent(value, v -> v);
    }
}
