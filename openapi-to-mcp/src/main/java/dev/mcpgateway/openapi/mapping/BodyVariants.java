package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.mcpgateway.openapi.schema.SchemaDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The variants of a request body whose top level is a {@code oneOf}/{@code anyOf}, for one tool per variant
 * ({@code UnionBodies.SPLIT}). Each variant is named, in order of preference, by its discriminator value, its
 * {@code title}, the name of the schema it references, else {@code variantN}; names are made unique within the
 * body. With a discriminator, each variant knows the value the gateway sets in the body.
 */
final class BodyVariants {

    private static final int MAX_REF_HOPS = 32;

    /**
     * One variant.
     *
     * @param name               unique within the body, as written in the spec (sanitised by the tool namer)
     * @param schema             the variant's schema node as the spec has it (a {@code $ref} or inline)
     * @param discriminator      the discriminating property, null when the union has none
     * @param discriminatorValue the value that selects this variant, null when unknown
     * @param others             the names of all the body's variants, for the description
     */
    record Variant(String name, JsonNode schema, String discriminator, String discriminatorValue,
                   List<String> others) {
    }

    private BodyVariants() {
    }

    /** The variants, or an empty list when the body is not a union (or a union with properties of its own). */
    static List<Variant> of(SchemaDocument document, JsonNode bodySchema) {
        JsonNode union = resolve(document, bodySchema);
        if (union == null || !union.isObject() || union.has("properties") || union.has("allOf")) {
            return List.of();
        }
        JsonNode members = union.has("oneOf") ? union.get("oneOf") : union.get("anyOf");
        if (members == null || !members.isArray() || members.size() < 2) {
            return List.of();
        }
        JsonNode discriminator = union.has("discriminator") ? union.get("discriminator") : inherited(document, members);
        String property = discriminator.path("propertyName").asText("");
        Map<String, String> valueByRef = new HashMap<>();
        discriminator.path("mapping").properties().forEach(e -> valueByRef.putIfAbsent(
                normalise(e.getValue().asText()), e.getKey()));
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            JsonNode member = members.get(i);
            String ref = member.path("$ref").asText("");
            String value = property.isEmpty() ? null : discriminatorValue(document, member, ref, property, valueByRef);
            String name = value != null ? value : title(document, member);
            if (name == null && !ref.isEmpty()) {
                name = shortName(ref);
            }
            if (name == null || name.isBlank()) {
                name = "variant" + (i + 1);
            }
            String unique = name;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + n;
            }
            names.add(unique);
            values.add(value);
        }
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            variants.add(new Variant(names.get(i), members.get(i), property.isEmpty() ? null : property,
                    values.get(i), List.copyOf(names)));
        }
        return variants;
    }

    /**
     * The discriminator every variant inherits through {@code allOf} from a parent schema (OpenAPI's inheritance
     * form: {@code Cat: allOf: [$ref Pet, ...]}, {@code Pet} declaring the discriminator); a missing node when the
     * variants do not all reference a parent with the same discriminating property.
     */
    private static JsonNode inherited(SchemaDocument document, JsonNode members) {
        JsonNode found = null;
        for (JsonNode member : members) {
            JsonNode own = null;
            JsonNode resolved = member.has("$ref") ? resolve(document, member) : null;
            for (JsonNode part : resolved == null ? MissingNode.getInstance() : resolved.path("allOf")) {
                JsonNode parent = resolve(document, part);
                if (parent != null && parent.path("discriminator").has("propertyName")) {
                    own = parent.get("discriminator");
                }
            }
            if (own == null || found != null && !found.path("propertyName").equals(own.path("propertyName"))) {
                return MissingNode.getInstance();
            }
            found = own;
        }
        return found;
    }

    /** The mapping's value for a referenced variant, else its schema name; for inline ones a single enum/const. */
    private static String discriminatorValue(SchemaDocument document, JsonNode member, String ref, String property,
                                             Map<String, String> valueByRef) {
        if (!ref.isEmpty()) {
            return valueByRef.getOrDefault(ref, shortName(ref));
        }
        JsonNode pinned = resolve(document, member).path("properties").path(property);
        if (pinned.has("const") && pinned.get("const").isTextual()) {
            return pinned.get("const").asText();
        }
        JsonNode values = pinned.path("enum");
        return values.isArray() && values.size() == 1 && values.get(0).isTextual() ? values.get(0).asText() : null;
    }

    private static String title(SchemaDocument document, JsonNode member) {
        JsonNode title = member.path("title");
        if (!title.isTextual()) {
            JsonNode resolved = resolve(document, member);
            title = resolved == null ? null : resolved.path("title");
        }
        return title != null && title.isTextual() && !title.asText().isBlank() ? title.asText().strip() : null;
    }

    private static JsonNode resolve(SchemaDocument document, JsonNode schema) {
        JsonNode node = schema;
        for (int hop = 0; node != null && node.has("$ref") && hop < MAX_REF_HOPS; hop++) {
            node = document.resolve(node.get("$ref").asText());
        }
        return node;
    }

    /** Mapping values may be bare schema names instead of refs. */
    private static String normalise(String mapped) {
        return mapped.startsWith("#") || mapped.contains("/") ? mapped : "#/components/schemas/" + mapped;
    }

    private static String shortName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }
}
