package dev.mcpgateway.openapi.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PortableSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode schema(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Nested
    class WhenEverythingIsPortable {
        @Test
        void theSchemaIsUnchangedAndEnforcedAsListed() throws Exception {
            ObjectNode input = schema("""
                    {"type": "object", "properties": {"id": {"type": "string", "pattern": "^[a-z]+$",
                     "format": "uuid", "enum": ["a", "b"]}}, "required": ["id"]}""");
            ObjectNode copy = input.deepCopy();
            PortableSchema.Result result = PortableSchema.apply(input, "inputSchema");
            assertEquals(copy, result.emitted());
            assertSame(result.emitted(), result.enforced());
            assertEquals(0, result.warnings().size());
        }
    }

    @Nested
    class WhenClientsCannotLoadSomething {
        @Test
        void aJavaOnlyPatternIsDescribedHiddenAndStillEnforced() throws Exception {
            PortableSchema.Result result = PortableSchema.apply(schema("""
                    {"type": "object", "properties": {"greek": {"type": "string", "description": "A word",
                     "pattern": "^\\\\p{InGreek}+$"}, "other": {"type": "string"}}}"""), "inputSchema");
            assertFalse(result.emitted().at("/properties/greek").has("pattern"));
            assertEquals("A word. Pattern: ^\\p{InGreek}+$", result.emitted().at("/properties/greek/description")
                    .asText());
            assertEquals("^\\p{InGreek}+$", result.enforced().at("/properties/greek/pattern").asText());
            // unchanged subtrees are shared, not copied
            assertSame(result.emitted().at("/properties/other"), result.enforced().at("/properties/other"));
            assertTrue(result.warnings().getFirst().startsWith("inputSchema at greek: pattern ^\\p{InGreek}+$ has no "
                    + "ECMA-262 equivalent (Unicode blocks"), result.warnings()::toString);
        }

        @Test
        void unknownFormatsMoveToTheDescriptionWithOneWarningPerFormat() throws Exception {
            PortableSchema.Result result = PortableSchema.apply(schema("""
                    {"type": "object", "properties": {"a": {"type": "integer", "format": "unix-time"},
                     "b": {"type": "array", "items": {"type": "integer", "format": "unix-time"}}}}"""), "outputSchema");
            assertEquals("{\"type\":\"integer\",\"description\":\"Format: unix-time.\"}",
                    result.emitted().at("/properties/a").toString());
            assertEquals(java.util.List.of("outputSchema: format unix-time (at a and 1 more) is not one MCP "
                    + "clients' validators know; moved to the description"), result.warnings());
        }

        @Test
        void aHugeEnumIsSummarisedForClientsAndEnforcedInFull() throws Exception {
            ObjectNode input = schema("{\"type\": \"object\", \"properties\": {\"zone\": {\"type\": \"string\"}}}");
            var values = ((ObjectNode) input.at("/properties/zone")).putArray("enum");
            for (int i = 0; i < 300; i++) {
                values.add("z" + i);
            }
            PortableSchema.Result result = PortableSchema.apply(input, "inputSchema");
            assertFalse(result.emitted().at("/properties/zone").has("enum"));
            assertTrue(result.emitted().at("/properties/zone/description").asText().startsWith("One of 300 values"));
            assertEquals(300, result.enforced().at("/properties/zone/enum").size());
        }

        @Test
        void keywordValuesTheMetaSchemaRejectsAreDropped() throws Exception {
            PortableSchema.Result result = PortableSchema.apply(schema("""
                    {"type": "object", "required": true, "properties": {"n": {"type": ["integer", "int", "integer"],
                     "maxLength": "10", "multipleOf": 0, "enum": [], "x-internal": true}}}"""), "inputSchema");
            assertEquals("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":[\"integer\"]}}}",
                    result.emitted().toString());
            assertEquals(6, result.warnings().size(), result.warnings()::toString);
        }
    }
}
