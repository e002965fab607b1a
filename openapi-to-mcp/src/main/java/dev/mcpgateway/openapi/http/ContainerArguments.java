package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Finds, once per tool, the top-level arguments whose schema wants an object or array and never a string. */
final class ContainerArguments {

    private static final int MAX_REF_HOPS = 8;

    private ContainerArguments() {
    }

    static Set<String> of(JsonNode root) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode properties = root.path("properties");
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            if (wantsContainer(root, property.getValue(), 0)) {
                names.add(property.getKey());
            }
        }
        return Set.copyOf(names);
    }

    private static boolean wantsContainer(JsonNode root, JsonNode schema, int hops) {
        if (hops > MAX_REF_HOPS || !schema.isObject()) {
            return false;
        }
        if (schema.path("$ref").isTextual()) {
            String ref = schema.get("$ref").textValue();
            return ref.startsWith("#/") && wantsContainer(root, root.at(ref.substring(1)), hops + 1);
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.textValue().equals("object") || type.textValue().equals("array");
        }
        if (type != null && type.isArray()) {
            boolean container = false;
            for (JsonNode t : type) {
                if (t.asText().equals("string")) {
                    return false;
                }
                container |= t.asText().equals("object") || t.asText().equals("array");
            }
            return container;
        }
        for (String union : new String[] {"anyOf", "oneOf"}) {
            if (schema.path(union).isArray() && !schema.get(union).isEmpty()) {
                for (JsonNode branch : schema.get(union)) {
                    if (!wantsContainer(root, branch, hops + 1) && !branch.path("type").asText().equals("null")) {
                        return false;
                    }
                }
                return true;
            }
        }
        if (schema.path("allOf").isArray()) {
            for (JsonNode branch : schema.get("allOf")) {
                if (wantsContainer(root, branch, hops + 1)) {
                    return true;
                }
            }
        }
        return schema.has("properties") || schema.has("items") || schema.has("prefixItems");
    }
}
