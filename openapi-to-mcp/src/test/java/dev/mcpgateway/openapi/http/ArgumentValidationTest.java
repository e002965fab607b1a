package dev.mcpgateway.openapi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arguments checked against the tool's inputSchema, with messages that name the argument. */
class ArgumentValidationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(String json) throws Exception {
        return MAPPER.readValue(json, Map.class);
    }

    private static final String ORDER = """
            {"type": "object",
             "properties": {
               "amount": {"type": "integer", "minimum": 1},
               "currency": {"type": "string", "enum": ["EUR", "USD"]},
               "email": {"type": "string", "format": "email"},
               "filter": {"$ref": "#/$defs/Filter"},
               "ids": {"type": "array", "items": {"type": "integer"}},
               "note": {"type": "string"}
             },
             "required": ["amount", "currency"],
             "additionalProperties": false,
             "$defs": {"Filter": {"type": "object", "properties": {"status": {"type": "string"}},
                                  "required": ["status"]}}}
            """;

    @Test
    void namesEachInvalidArgumentWithItsProblem() throws Exception {
        var validator = ArgumentValidator.compile(schema(ORDER));
        var error = assertThrows(InvalidArgumentsException.class,
                () -> validator.validate(Map.of("amount", 0, "currency", "GBP")));
        assertEquals(List.of("amount: must have a minimum value of 1",
                "currency: does not have a value in the enumeration [\"EUR\", \"USD\"]"), error.messages());
    }

    @Test
    void namesMissingRequiredAndUnknownArguments() throws Exception {
        var validator = ArgumentValidator.compile(schema(ORDER));
        var error = assertThrows(InvalidArgumentsException.class,
                () -> validator.validate(Map.of("amount", 5, "colour", "red")));
        assertEquals(List.of("currency: is required", "colour: is not a known argument"), error.messages());
    }

    @Test
    void namesTheNestedPathOfAProblemInsideAnObjectArgument() throws Exception {
        var validator = ArgumentValidator.compile(schema(ORDER));
        var error = assertThrows(InvalidArgumentsException.class, () -> validator.validate(
                Map.of("amount", 5, "currency", "EUR", "filter", Map.of(), "ids", List.of(1, "x"))));
        assertEquals(List.of("filter.status: is required", "ids[1]: string found, integer expected"),
                error.messages());
    }

    @Test
    void assertsFormats() throws Exception {
        var validator = ArgumentValidator.compile(schema(ORDER));
        var error = assertThrows(InvalidArgumentsException.class,
                () -> validator.validate(Map.of("amount", 5, "currency", "EUR", "email", "not-an-address")));
        assertEquals(1, error.messages().size());
        assertEquals(true, error.messages().getFirst().startsWith("email: "), error.messages().getFirst());
    }

    @Test
    void parsesAJsonEncodedStringWhereTheSchemaWantsAnObjectOrArray() throws Exception {
        var validator = ArgumentValidator.compile(schema(ORDER));
        var normalised = validator.validate(Map.of("amount", 5, "currency", "EUR",
                "filter", "{\"status\": \"open\"}", "ids", "[1, 2]", "note", "{\"kept\": \"as text\"}"));
        assertEquals(Map.of("status", "open"), normalised.get("filter"));
        assertEquals(List.of(1, 2), normalised.get("ids"));
        assertEquals("{\"kept\": \"as text\"}", normalised.get("note"));
    }

    @Test
    void stillRefusesAJsonStringThatDoesNotParseAsTheWantedShape() throws Exception {
        var validator = ArgumentValidator.compile(schema(ORDER));
        var error = assertThrows(InvalidArgumentsException.class,
                () -> validator.validate(Map.of("amount", 5, "currency", "EUR", "ids", "1, 2")));
        assertEquals(List.of("ids: string found, array expected"), error.messages());
    }

    @Test
    void treatsMissingArgumentsAsAnEmptyObject() throws Exception {
        var validator = ArgumentValidator.compile(schema("{\"type\":\"object\",\"properties\":{}}"));
        assertEquals(Map.of(), validator.validate(null));
    }

    @Test
    void refusesASchemaThatDoesNotCompile() {
        assertThrows(IllegalArgumentException.class,
                () -> ArgumentValidator.compile(schema("{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/Missing\"}}}")));
    }
}
