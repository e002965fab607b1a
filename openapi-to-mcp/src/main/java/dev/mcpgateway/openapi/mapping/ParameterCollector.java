package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.openapi.http.ParameterLocation;
import dev.mcpgateway.openapi.schema.SchemaDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parameters an operation really has: path-level ones overridden by operation-level ones of the same name and
 * location, refs followed, and the headers OpenAPI says to ignore (Accept, Content-Type, Authorization) left out.
 */
final class ParameterCollector {

    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

    private ParameterCollector() {
    }

    static List<SpecParameter> collect(SchemaDocument document, OperationRef op, List<String> warnings) {
        List<SpecParameter> result = new ArrayList<>();
        for (JsonNode raw : op.pathItem().path("parameters")) {
            add(result, document, raw, warnings);
        }
        for (JsonNode raw : op.operation().path("parameters")) {
            add(result, document, raw, warnings);
        }
        return result;
    }

    private static void add(List<SpecParameter> result, SchemaDocument document, JsonNode raw, List<String> warnings) {
        JsonNode node = OperationWalker.resolve(document, raw);
        String name = node.path("name").asText("");
        String in = node.path("in").asText("").toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !Set.of("path", "query", "header", "cookie").contains(in)) {
            warnings.add("ignored a parameter without a usable name or location"
                    + (raw.has("$ref") ? " (" + raw.get("$ref").asText() + ")" : ""));
            return;
        }
        ParameterLocation location = ParameterLocation.fromOpenApi(in);
        if (location == ParameterLocation.HEADER && IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        SpecParameter parameter = new SpecParameter(name, location, node);
        result.removeIf(existing -> existing.sameAs(parameter));
        result.add(parameter);
    }
}
