package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.openapi.ImportWarning;
import dev.mcpgateway.openapi.http.ParameterLocation;
import dev.mcpgateway.openapi.schema.SchemaDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters an operation really has: path-level ones overridden by operation-level ones of the same name and
 * location, refs followed, and the headers OpenAPI says to ignore (Accept, Content-Type, Authorization) left out.
 */
final class ParameterCollector {

    /** The headers OpenAPI says to ignore, and what the operator does instead of sending them as arguments. */
    private static final Map<String, ImportWarning> IGNORED_HEADERS = Map.of(
            "authorization", ignored("Authorization", "configure credentials on the API; the gateway adds them to "
                    + "every call that needs them"),
            "accept", ignored("Accept", "nothing to do: the gateway sets Accept from the operation's declared "
                    + "response media types (pin a header Accept to force one)"),
            "content-type", ignored("Content-Type", "nothing to do: the gateway sets Content-Type from the request "
                    + "body's media type (an operation override chooses another declared one)"));

    private static ImportWarning ignored(String header, String fix) {
        return ImportWarning.of(ImportWarning.IGNORED_PARAMETER, "header parameter " + header
                + " is not a tool argument: OpenAPI ignores it", fix);
    }

    private ParameterCollector() {
    }

    static List<SpecParameter> collect(SchemaDocument document, OperationRef op, List<ImportWarning> findings) {
        List<SpecParameter> result = new ArrayList<>();
        for (JsonNode raw : op.pathItem().path("parameters")) {
            add(result, document, raw, findings);
        }
        for (JsonNode raw : op.operation().path("parameters")) {
            add(result, document, raw, findings);
        }
        return result;
    }

    private static void add(List<SpecParameter> result, SchemaDocument document, JsonNode raw,
                            List<ImportWarning> findings) {
        JsonNode node = OperationWalker.resolve(document, raw);
        String name = node.path("name").asText("");
        String in = node.path("in").asText("").toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !Set.of("path", "query", "header", "cookie").contains(in)) {
            findings.add(ImportWarning.of(ImportWarning.IGNORED_PARAMETER,
                    "ignored a parameter without a usable name or location"
                    + (raw.has("$ref") ? " (" + raw.get("$ref").asText() + ")" : ""),
                    "fix the spec: a parameter needs a name and an `in` of path, query, header or cookie"));
            return;
        }
        ParameterLocation location = ParameterLocation.fromOpenApi(in);
        ImportWarning ignoredHeader = location == ParameterLocation.HEADER
                ? IGNORED_HEADERS.get(name.toLowerCase(Locale.ROOT)) : null;
        if (ignoredHeader != null) {
            if (!findings.contains(ignoredHeader)) {
                findings.add(ignoredHeader);
            }
            return;
        }
        SpecParameter parameter = new SpecParameter(name, location, node);
        result.removeIf(existing -> existing.sameAs(parameter));
        result.add(parameter);
    }
}
