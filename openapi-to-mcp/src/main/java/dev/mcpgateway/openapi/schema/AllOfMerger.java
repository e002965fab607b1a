package dev.mcpgateway.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Folds {@code allOf} into one object schema when that cannot change what validates: every member is a plain
 * object schema (no reference, no union) and no keyword conflicts. A property declared twice with different
 * schemas keeps both as its own {@code allOf}. Anything else keeps the {@code allOf} as written (it is valid).
 */
final class AllOfMerger {

    private static final Set<String> UNSAFE = Set.of("$ref", "oneOf", "anyOf", "not", "allOf", "if",
            "unevaluatedProperties", "patternProperties");
    private static final Set<String> FIRST_WINS = Set.of("title", "description", "examples", "default");

    private AllOfMerger() {
    }

    static ObjectNode merge(ObjectNode schema) {
        JsonNode members = schema.get("allOf");
        if (!objectLike(schema, true)) {
            return schema;
        }
        for (JsonNode member : members) {
            if (!member.isObject() || !objectLike((ObjectNode) member, false)) {
                return schema;
            }
        }
        ObjectNode merged = schema.deepCopy();
        merged.remove("allOf");
        for (JsonNode member : members) {
            if (!mergeInto(merged, (ObjectNode) member)) {
                return schema;
            }
        }
        if (merged.has("properties") || merged.has("required")) {
            merged.put("type", "object");
        }
        return merged;
    }

    private static boolean objectLike(ObjectNode schema, boolean outer) {
        for (String key : UNSAFE) {
            if (schema.has(key) && !(outer && key.equals("allOf"))) {
                return false;
            }
        }
        JsonNode type = schema.get("type");
        return type == null || type.isTextual() && type.asText().equals("object");
    }

    private static boolean mergeInto(ObjectNode target, ObjectNode member) {
        for (Map.Entry<String, JsonNode> field : member.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(key);
            switch (key) {
                case "properties" -> mergeProperties(target.has("properties")
                        ? (ObjectNode) target.get("properties") : target.putObject("properties"), value);
                case "required" -> target.set("required", union(existing, value));
                case "type" -> target.put("type", "object");
                case "additionalProperties" -> {
                    if (existing != null && !existing.equals(value)) {
                        target.remove("additionalProperties");
                    } else {
                        target.set(key, value);
                    }
                }
                default -> {
                    if (existing == null) {
                        target.set(key, value);
                    } else if (!existing.equals(value) && !FIRST_WINS.contains(key)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static void mergeProperties(ObjectNode target, JsonNode properties) {
        properties.properties().forEach(e -> {
            JsonNode existing = target.get(e.getKey());
            if (existing == null) {
                target.set(e.getKey(), e.getValue());
            } else if (!existing.equals(e.getValue())) {
                ObjectNode both = SchemaConverter.JSON.objectNode();
                both.putArray("allOf").add(existing).add(e.getValue());
                target.set(e.getKey(), both);
            }
        });
    }

    private static ArrayNode union(JsonNode a, JsonNode b) {
        Set<String> names = new LinkedHashSet<>();
        if (a != null) {
            a.forEach(n -> names.add(n.asText()));
        }
        b.forEach(n -> names.add(n.asText()));
        ArrayNode out = SchemaConverter.array();
        names.forEach(out::add);
        return out;
    }
}
