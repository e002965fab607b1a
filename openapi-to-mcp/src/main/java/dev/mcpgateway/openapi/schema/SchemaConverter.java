package dev.mcpgateway.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.openapi.SchemaMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns OpenAPI 3.0/3.1 schemas into JSON Schema 2020-12 for one tool schema (one instance per inputSchema or
 * outputSchema: the {@code $defs} it collects belong to that root). References are inlined, except recursive ones
 * which become {@code #/$defs/Name} (mode DEFS) or a described stub (mode INLINE). Depth and node-count caps cut
 * pathological graphs with a described stub rather than failing. See {@link Keywords} for the keyword mapping.
 */
public final class SchemaConverter {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_REF_HOPS = 32;

    private final SchemaDocument document;
    private final SchemaMode mode;
    private final Direction direction;
    private final int maxDepth;
    private final int maxNodes;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> capWarnings = new LinkedHashSet<>();
    private final Deque<String> expanding = new ArrayDeque<>();
    private final Map<String, String> defNames = new LinkedHashMap<>();
    private final Map<String, JsonNode> defs = new LinkedHashMap<>();
    private final Deque<String> pendingDefs = new ArrayDeque<>();
    private int nodes;

    public SchemaConverter(SchemaDocument document, SchemaMode mode, Direction direction, int maxDepth, int maxNodes) {
        this.document = document;
        this.mode = mode;
        this.direction = direction;
        this.maxDepth = maxDepth;
        this.maxNodes = maxNodes;
    }

    /** Converts a schema; a top-level reference is expanded once even when recursive, so its shape is visible. */
    public ObjectNode convertRoot(JsonNode schema) {
        return asObject(convertExpanded(schema, 0));
    }

    /** Like {@link #convert}, but a reference is expanded in place unless it is already being expanded (a cycle). */
    JsonNode convertExpanded(JsonNode schema, int depth) {
        JsonNode node = schema;
        for (int hop = 0; node != null && node.isObject() && node.has("$ref") && hop < MAX_REF_HOPS; hop++) {
            String ref = node.get("$ref").asText();
            JsonNode target = document.resolve(ref);
            if (target == null || expanding.contains(ref)) {
                break;
            }
            expanding.push(ref);
            try {
                JsonNode converted = convert(target, depth);
                if (converted.isObject()) {
                    Keywords.overlayAnnotations((ObjectNode) converted, (ObjectNode) node);
                }
                return converted;
            } finally {
                expanding.pop();
            }
        }
        return convert(schema, depth);
    }

    /** Converts any schema node at the given depth. */
    public JsonNode convert(JsonNode schema, int depth) {
        if (schema == null || schema.isNull() || schema.isMissingNode()) {
            return JSON.objectNode();
        }
        if (schema.isBoolean()) {
            return schema;
        }
        if (!schema.isObject()) {
            warnings.add("a schema that is not an object was replaced by {}");
            return JSON.objectNode();
        }
        if (++nodes > maxNodes) {
            capWarnings.add("schema has more than " + maxNodes + " subschemas; the rest is accepted unchecked");
            return stub("Not expanded: the schema has too many subschemas.", null);
        }
        if (depth > maxDepth) {
            capWarnings.add("schema nests deeper than " + maxDepth + " levels; deeper parts are accepted unchecked");
            return stub("Not expanded: nested deeper than " + maxDepth + " levels.", null);
        }
        if (schema.has("$ref")) {
            return convertRef((ObjectNode) schema, depth);
        }
        return Keywords.convertObject(this, (ObjectNode) schema, depth);
    }

    private JsonNode convertRef(ObjectNode node, int depth) {
        String ref = node.get("$ref").asText();
        JsonNode target = document.resolve(ref);
        if (target == null) {
            warnings.add("unresolved reference " + ref + " accepted as any value");
            return stub("Unresolved reference " + ref + ".", null);
        }
        boolean cycle = expanding.contains(ref);
        if (cycle || document.isRecursive(ref) || expanding.size() >= MAX_REF_HOPS * 4) {
            if (mode == SchemaMode.INLINE) {
                JsonNode type = target.get("type");
                return stub("Recursive reference to " + shortName(ref) + "; not expanded further.",
                        type != null && type.isTextual() ? type.asText() : null);
            }
            ObjectNode out = JSON.objectNode().put("$ref", "#/$defs/" + defName(ref));
            Keywords.overlayAnnotations(out, node);
            return out;
        }
        expanding.push(ref);
        try {
            JsonNode converted = convert(target, depth + 1);
            if (converted.isObject()) {
                Keywords.overlayAnnotations((ObjectNode) converted, node);
            }
            return converted;
        } finally {
            expanding.pop();
        }
    }

    /** The {@code $defs} collected so far, converting any pending definitions first (they may add more). */
    public ObjectNode defs() {
        while (!pendingDefs.isEmpty()) {
            String ref = pendingDefs.poll();
            expanding.push(ref);
            try {
                defs.put(defNames.get(ref), convert(document.resolve(ref), 1));
            } finally {
                expanding.pop();
            }
        }
        ObjectNode out = JSON.objectNode();
        defs.forEach(out::set);
        return out;
    }

    /** The spec node behind a converted {@code #/$defs/Name} reference, to learn its shape; null if unknown. */
    public JsonNode definitionSource(String localRef) {
        if (localRef == null || !localRef.startsWith("#/$defs/")) {
            return null;
        }
        String name = localRef.substring("#/$defs/".length());
        return defNames.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst()
                .map(e -> document.resolve(e.getKey())).orElse(null);
    }

    /** What could not be kept exactly, other than the caps. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Where the depth or size cap cut the schema (the rest is accepted unchecked). */
    public List<String> capWarnings() {
        return List.copyOf(capWarnings);
    }

    Direction direction() {
        return direction;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    private String defName(String ref) {
        String existing = defNames.get(ref);
        if (existing != null) {
            return existing;
        }
        String base = shortName(ref).replaceAll("[^A-Za-z0-9_.-]", "_");
        String name = base;
        for (int i = 2; defNames.containsValue(name); i++) {
            name = base + "_" + i;
        }
        defNames.put(ref, name);
        pendingDefs.add(ref);
        return name;
    }

    private static String shortName(String ref) {
        int slash = ref.lastIndexOf('/');
        return (slash < 0 ? ref : ref.substring(slash + 1)).replace("~1", "/").replace("~0", "~");
    }

    static ObjectNode stub(String description, String type) {
        ObjectNode stub = JSON.objectNode();
        if (type != null) {
            stub.put("type", type);
        }
        return stub.put("description", description);
    }

    static ObjectNode asObject(JsonNode node) {
        if (node.isObject()) {
            return (ObjectNode) node;
        }
        // boolean schemas: true accepts anything, false nothing
        return node.asBoolean() ? JSON.objectNode() : JSON.objectNode().set("not", JSON.objectNode());
    }

    static ArrayNode array() {
        return JSON.arrayNode();
    }
}
