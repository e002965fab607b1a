package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads resources as a running service lists them ({@code GET .../backends}, {@code az apim ... list}): each entry
 * has its {@code type}, a {@code name} and the full ARM {@code id}. The id carries the parent names a child's bare
 * name lacks ({@code op1} of {@code .../apis/a/operations/op1}).
 */
final class ListExport {

    private static final String PROVIDERS = "/providers/";

    private ListExport() {
    }

    static List<Declaration> read(JsonNode entries) {
        List<Declaration> declarations = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String location = "value[" + i + "]";
            if (!entry.isObject() || !entry.path("type").isTextual()) {
                declarations.add(new Declaration.Skipped("", location, "not a resource: it has no type"));
                continue;
            }
            String type = entry.get("type").textValue();
            List<String> names = names(entry);
            if (names.isEmpty()) {
                declarations.add(new Declaration.Skipped(type, location, "the resource has no name"));
                continue;
            }
            declarations.add(new Declaration.Resource(type, names, entry.path("properties"), ValueResolver.LITERAL));
        }
        return declarations;
    }

    private static List<String> names(JsonNode entry) {
        String name = entry.path("name").asText("");
        if (name.contains("/")) {
            return segments(name);
        }
        List<String> fromId = namesInId(entry.path("id").asText(""));
        if (!fromId.isEmpty()) {
            return fromId;
        }
        return name.isBlank() ? List.of() : List.of(name);
    }

    /** {@code /subscriptions/s/resourceGroups/g/providers/Microsoft.ApiManagement/service/svc/apis/a} gives svc, a. */
    private static List<String> namesInId(String id) {
        int providers = id.toLowerCase(Locale.ROOT).indexOf(PROVIDERS);
        if (providers < 0) {
            return List.of();
        }
        List<String> typeAndNames = segments(id.substring(providers + PROVIDERS.length()));
        List<String> names = new ArrayList<>();
        for (int i = 2; i < typeAndNames.size(); i += 2) {
            names.add(typeAndNames.get(i));
        }
        return names;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isBlank()).toList();
    }
}
