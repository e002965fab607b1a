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
    void acceptsOpenApiFormatsAndIgnoresUnknownOnes() throws Exception {
        var validator = ArgumentValidator.compile(schema("""
                {"type":"object","properties":{"small":{"type":"integer","format":"int32"},
                 "big":{"type":"integer","format":"int64"},"b64":{"type":"string","format":"byte"},
                 "pw":{"type":"string","format":"password"},"bin":{"type":"string","format":"binary"},
                 "phone":{"type":"string","format":"phone-number"},"when":{"type":"string","format":"date-time"},
                 "id":{"type":"string","format":"uuid"}}}"""));
        assertEquals(8, validator.validate(Map.of("small", 7, "big", 9_000_000_000L, "b64", "aGk=", "pw", "x",
                "bin", "AAE=", "phone", "+33 1 23", "when", "2024-01-01T10:00:00Z",
                "id", "123e4567-e89b-12d3-a456-426614174000")).size());
        var error = assertThrows(InvalidArgumentsException.class,
                () -> validator.validate(Map.of("when", "yesterday", "id", "nope")));
        assertEquals(2, error.messages().size(), error.messages().toString());
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
    void convertsQuotedNumbersAndBooleansWhereTheSchemaNeverTakesAString() throws Exception {
        var validator = ArgumentValidator.compile(schema("""
                {"type":"object","properties":{"limit":{"type":"integer"},"price":{"type":"number"},
                 "active":{"type":"boolean"},"code":{"type":"string"},"maybe":{"type":["integer","string"]}}}"""));
        var normalised = validator.validate(Map.of("limit", "10", "price", "12.5", "active", "false", "code", "007",
                "maybe", "3"));
        assertEquals(10, ((Number) normalised.get("limit")).intValue());
        assertEquals(new java.math.BigDecimal("12.5"), new java.math.BigDecimal(normalised.get("price").toString()));
        assertEquals(false, normalised.get("active"));
        assertEquals("007", normalised.get("code"));
        assertEquals("3", normalised.get("maybe"));
    }

    @Test
    void leavesAQuotedValueThatIsNotANumberForTheValidatorToReport() throws Exception {
        var validator = ArgumentValidator.compile(schema("""
                {"type":"object","properties":{"limit":{"type":"integer"}}}"""));
        var error = assertThrows(InvalidArgumentsException.class, () -> validator.validate(Map.of("limit", "ten")));
        assertEquals(List.of("limit: string found, integer expected"), error.messages());
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
