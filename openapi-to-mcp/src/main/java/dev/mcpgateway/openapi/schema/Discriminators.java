package dev.mcpgateway.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * 2020-12 has no {@code discriminator}; its meaning is kept by pinning the discriminating property to the variant's
 * value ({@code const}) in each {@code oneOf}/{@code anyOf} member, which also makes overlapping variants exclusive
 * so that {@code oneOf} validates.
 */
final class Discriminators {

    private Discriminators() {
    }

    static void apply(ObjectNode original, ObjectNode converted) {
        JsonNode discriminator = original.get("discriminator");
        String property = discriminator.path("propertyName").asText("");
        if (property.isEmpty()) {
            return;
        }
        String union = original.has("oneOf") ? "oneOf" : original.has("anyOf") ? "anyOf" : null;
        if (union == null || !converted.path(union).isArray()) {
            return;
        }
        Map<String, String> valueByRef = new HashMap<>();
        discriminator.path("mapping").properties()
                .forEach(e -> valueByRef.putIfAbsent(normalise(e.getValue().asText()), e.getKey()));
        JsonNode members = original.get(union);
        ArrayNode convertedMembers = (ArrayNode) converted.get(union);
        for (int i = 0; i < members.size() && i < convertedMembers.size(); i++) {
            String ref = members.get(i).path("$ref").asText("");
            if (ref.isEmpty()) {
                continue;
            }
            String value = valueByRef.getOrDefault(ref, ref.substring(ref.lastIndexOf('/') + 1));
            convertedMembers.set(i, pin(convertedMembers.get(i), property, value));
        }
    }

    /** Mapping values may be bare schema names instead of refs. */
    private static String normalise(String mapped) {
        return mapped.startsWith("#") || mapped.contains("/") ? mapped : "#/components/schemas/" + mapped;
    }

    private static JsonNode pin(JsonNode member, String property, String value) {
        if (member.isObject() && member.has("properties") && !member.has("$ref")) {
            ObjectNode object = (ObjectNode) member;
            ObjectNode existing = object.path("properties").path(property).isObject()
                    ? (ObjectNode) object.get("properties").get(property) : SchemaConverter.JSON.objectNode();
            existing.remove("enum");
            existing.put("const", value);
            ((ObjectNode) object.get("properties")).set(property, existing);
            addRequired(object, property);
            return object;
        }
        ObjectNode wrapper = SchemaConverter.JSON.objectNode();
        wrapper.putArray("allOf").add(member);
        wrapper.putObject("properties").putObject(property).put("const", value);
        wrapper.putArray("required").add(property);
        return wrapper;
    }

    private static void addRequired(ObjectNode object, String property) {
        JsonNode required = object.get("required");
        if (required == null || !required.isArray()) {
            object.putArray("required").add(property);
            return;
        }
        for (JsonNode r : required) {
            if (r.asText().equals(property)) {
                return;
            }
        }
        ((ArrayNode) required).add(property);
    }
}
