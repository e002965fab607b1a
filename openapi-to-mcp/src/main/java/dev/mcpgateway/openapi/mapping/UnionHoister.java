package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flattens a top-level union of object variants into one object: every variant's properties (a property declared
 * differently by two variants accepts either), required only what every variant requires, and the discriminating
 * property (pinned per variant with {@code const} by the schema converter) as a required enum of the variants.
 */
final class UnionHoister {

    private UnionHoister() {
    }

    /** The flattened object, or null when the schema is not a union of object variants. */
    static ObjectNode hoist(ObjectNode union) {
        JsonNode variants = union.has("oneOf") ? union.get("oneOf") : union.get("anyOf");
        if (variants == null || !variants.isArray() || variants.isEmpty() || union.has("properties")) {
            return null;
        }
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        Set<String> requiredByAll = null;
        Map<String, Set<JsonNode>> discriminators = new java.util.LinkedHashMap<>();
        for (JsonNode variant : variants) {
            if (!Shapes.hasProperties(variant)) {
                return null;
            }
            for (Map.Entry<String, JsonNode> property : variant.get("properties").properties()) {
                JsonNode schema = property.getValue();
                if (schema.has("const")) {
                    discriminators.computeIfAbsent(property.getKey(), k -> new LinkedHashSet<>()).add(schema.get("const"));
                }
                JsonNode existing = properties.get(property.getKey());
                if (existing == null) {
                    properties.set(property.getKey(), schema.deepCopy());
                } else if (!existing.equals(schema)) {
                    properties.set(property.getKey(), either(existing, schema));
                }
            }
            Set<String> required = new LinkedHashSet<>();
            variant.path("required").forEach(r -> required.add(r.asText()));
            if (requiredByAll == null) {
                requiredByAll = required;
            } else {
                requiredByAll.retainAll(required);
            }
        }
        discriminators.forEach((name, values) -> {
            if (values.size() == variants.size()) {
                ObjectNode discriminator = JsonNodeFactory.instance.objectNode().put("type", "string");
                ArrayNode allowed = discriminator.putArray("enum");
                values.forEach(allowed::add);
                discriminator.put("description", "Which variant the request is; the other arguments depend on it.");
                properties.set(name, discriminator);
            }
        });
        ObjectNode flat = JsonNodeFactory.instance.objectNode().put("type", "object");
        if (union.has("description")) {
            flat.set("description", union.get("description"));
        }
        flat.set("properties", properties);
        List<String> required = new ArrayList<>(requiredByAll == null ? Set.of() : requiredByAll);
        if (!required.isEmpty()) {
            ArrayNode list = flat.putArray("required");
            required.forEach(list::add);
        }
        return flat;
    }

    private static JsonNode either(JsonNode existing, JsonNode other) {
        ObjectNode combined;
        if (existing.has("anyOf") && existing.size() == 1) {
            combined = (ObjectNode) existing;
        } else {
            combined = JsonNodeFactory.instance.objectNode();
            combined.putArray("anyOf").add(existing);
        }
        for (JsonNode member : combined.get("anyOf")) {
            if (member.equals(other)) {
                return combined;
            }
        }
        ((ArrayNode) combined.get("anyOf")).add(other);
        return combined;
    }
}
