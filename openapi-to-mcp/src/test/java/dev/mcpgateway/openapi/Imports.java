package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** Test helpers: import a spec written in the test, compare schemas as JSON. */
final class Imports {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final OpenApiImporter IMPORTER = new OpenApiImporter();

    private Imports() {
    }

    static ImportResult yaml(String spec) {
        return IMPORTER.importSpec(SpecSource.inline(spec), ImportOptions.defaults());
    }

    static ImportResult yaml(String spec, ImportOptions options) {
        return IMPORTER.importSpec(SpecSource.inline(spec), options);
    }

    static ToolDefinition only(ImportResult result) {
        assertEquals(1, result.tools().size(), () -> "expected one tool, got " + result.tools().stream()
                .map(ToolDefinition::name).toList() + " skipped " + result.skipped());
        return result.tools().getFirst();
    }

    static ToolDefinition tool(ImportResult result, String name) {
        return result.tool(name).orElseThrow(() -> new AssertionError("no tool " + name + " in "
                + result.tools().stream().map(ToolDefinition::name).toList() + " skipped " + result.skipped()));
    }

    /** Asserts the schema equals the expected JSON (key order ignored), printing both on failure. */
    static void assertSchema(String expectedJson, Map<String, Object> actual) {
        try {
            JsonNode expected = MAPPER.readTree(expectedJson);
            JsonNode got = MAPPER.valueToTree(actual);
            assertEquals(MAPPER.writeValueAsString(sorted(expected)), MAPPER.writeValueAsString(sorted(got)));
        } catch (JsonProcessingException e) {
            throw new AssertionError("expected JSON does not parse", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            var out = MAPPER.createObjectNode();
            node.properties().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.set(e.getKey(), sorted(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            var out = MAPPER.createArrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        return node;
    }
}
