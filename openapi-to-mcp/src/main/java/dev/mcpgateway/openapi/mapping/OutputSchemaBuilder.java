package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.openapi.schema.SchemaConverter;
import dev.mcpgateway.openapi.schema.SchemaDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputSchema, from the first 2xx response with a JSON body: an object schema as is, a top-level array wrapped
 * as {@code {"result": [...]}} (MCP structured content must be an object). Anything else gets no outputSchema; the
 * result then carries text only. So does an operation that may also succeed without a body (a 204, or a 2xx
 * declaring no content): MCP requires structured content from every successful call of a tool with an
 * outputSchema, and clients such as the TypeScript SDK reject a success without it.
 */
final class OutputSchemaBuilder {

    /** The schema, and whether responses must be wrapped; schema null when there is none. */
    record Output(ObjectNode schema, boolean wrapArray) {
    }

    private OutputSchemaBuilder() {
    }

    static Output build(SchemaDocument document, OperationRef op, SchemaConverter converter) {
        JsonNode schema = successJsonSchema(document, op);
        if (schema == null || maySucceedWithoutBody(document, op)) {
            return new Output(null, false);
        }
        ObjectNode converted = SchemaConverterSupport.object(converter.convertRoot(schema));
        String type = primaryType(converted);
        ObjectNode out;
        boolean wrap = false;
        if (type.equals("object") && !converted.has("oneOf") && !converted.has("anyOf")) {
            out = converted;
            out.put("type", "object");
        } else if (type.equals("array")) {
            out = JsonNodeFactory.instance.objectNode().put("type", "object");
            out.putObject("properties").set("result", converted);
            out.putArray("required").add("result");
            wrap = true;
        } else {
            return new Output(null, false);
        }
        ObjectNode defs = converter.defs();
        if (!defs.isEmpty()) {
            out.set("$defs", defs);
        }
        return new Output(out, wrap);
    }

    private static String primaryType(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : "";
        }
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            types.remove("null");
            return types.size() == 1 ? types.getFirst() : "";
        }
        return type.asText();
    }

    private static boolean maySucceedWithoutBody(SchemaDocument document, OperationRef op) {
        JsonNode responses = op.operation().path("responses");
        for (var entry : responses.properties()) {
            String code = entry.getKey();
            if (!code.startsWith("2")) {
                continue;
            }
            JsonNode content = OperationWalker.resolve(document, entry.getValue()).path("content");
            if (code.equals("204") || !content.isObject() || content.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode successJsonSchema(SchemaDocument document, OperationRef op) {
        JsonNode responses = op.operation().path("responses");
        List<String> codes = new ArrayList<>();
        responses.properties().forEach(e -> codes.add(e.getKey()));
        codes.sort(String::compareTo);
        for (String code : codes) {
            if (!code.startsWith("2") || code.equals("204")) {
                continue;
            }
            JsonNode response = OperationWalker.resolve(document, responses.get(code));
            for (var media : response.path("content").properties()) {
                if (MediaTypes.isJson(MediaTypes.essence(media.getKey())) && media.getValue().has("schema")) {
                    return media.getValue().get("schema");
                }
            }
            return null;
        }
        return null;
    }

}
