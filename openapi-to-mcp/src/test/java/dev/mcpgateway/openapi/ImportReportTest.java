package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The import report: every ignored parameter, schema approximation and skip, grouped, with the fix. */
class ImportReportTest {

    /** 25 operations that all declare the three headers OpenAPI ignores. */
    private static String manyOperationsWithIgnoredHeaders() {
        StringBuilder spec = new StringBuilder("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                components:
                  parameters:
                    auth: {name: authorization, in: header, required: true, schema: {type: string}}
                paths:
                """);
        IntStream.rangeClosed(1, 25).forEach(i -> spec.append("""
                  /items%1$d:
                    get:
                      operationId: getItem%1$d
                      parameters:
                        - $ref: '#/components/parameters/auth'
                        - {name: Accept, in: header, schema: {type: string}}
                        - {name: Content-Type, in: header, schema: {type: string}}
                      responses: {'200': {description: ok}}
                """.formatted(i)));
        return spec.toString();
    }

    private static ImportWarning only(ImportResult result, String code, String messageStart) {
        List<ImportWarning> found = result.report().stream()
                .filter(w -> w.code().equals(code) && w.message().startsWith(messageStart)).toList();
        assertEquals(1, found.size(), () -> "expected one " + code + " warning starting with " + messageStart
                + " in " + result.report());
        return found.getFirst();
    }

    @Nested
    class WhenManyOperationsDeclareHeadersOpenApiIgnores {

        private final ImportResult result = Imports.yaml(manyOperationsWithIgnoredHeaders());

        @Test
        void reportsEachHeaderOnceNamingEveryOperationAndTheFix() {
            List<String> all = IntStream.rangeClosed(1, 25).mapToObj(i -> "getItem" + i).toList();
            assertEquals(List.of(
                    new ImportWarning(ImportWarning.IGNORED_PARAMETER,
                            "header parameter Authorization is not a tool argument: OpenAPI ignores it", all,
                            "configure credentials on the API; the gateway adds them to every call that needs them"),
                    new ImportWarning(ImportWarning.IGNORED_PARAMETER,
                            "header parameter Accept is not a tool argument: OpenAPI ignores it", all,
                            "nothing to do: the gateway sets Accept from the operation's declared response media "
                                    + "types (pin a header Accept to force one)"),
                    new ImportWarning(ImportWarning.IGNORED_PARAMETER,
                            "header parameter Content-Type is not a tool argument: OpenAPI ignores it", all,
                            "nothing to do: the gateway sets Content-Type from the request body's media type (an "
                                    + "operation override chooses another declared one)")),
                    result.report());
        }

        @Test
        void rendersTenOperationNamesAndCountsTheRest() {
            assertEquals("header parameter Authorization is not a tool argument: OpenAPI ignores it (25 operations: "
                    + "getItem1, getItem2, getItem3, getItem4, getItem5, getItem6, getItem7, getItem8, getItem9, "
                    + "getItem10 and 15 more). Fix: configure credentials on the API; the gateway adds them to every "
                    + "call that needs them", result.report().getFirst().render());
        }

        @Test
        void keepsTheFlatPerOperationWarningsToo() {
            assertEquals(List.of("getItem7: header parameter Authorization is not a tool argument: OpenAPI ignores it",
                    "getItem7: header parameter Accept is not a tool argument: OpenAPI ignores it",
                    "getItem7: header parameter Content-Type is not a tool argument: OpenAPI ignores it"),
                    result.warnings().stream().filter(w -> w.startsWith("getItem7:")).toList());
            assertEquals(3, result.tool("getItem7").orElseThrow().warnings().size());
        }
    }

    @Nested
    class WhenTheConversionLosesSomething {

        private static final String SPEC = """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                components:
                  securitySchemes:
                    key: {type: apiKey, in: query, name: api_key}
                  schemas:
                    Deep:
                      type: object
                      properties:
                        a: {type: object, properties: {b: {type: object, properties: {c: {type: string}}}}}
                security: [{key: []}]
                paths:
                  /things/{id}:
                    get:
                      operationId: getThing
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                        - {name: api_key, in: query, schema: {type: string}}
                        - {name: ghost, in: path, required: true, schema: {type: string}}
                        - {name: q, in: query, schema: {type: string, pattern: '(unclosed'}}
                      responses: {'200': {description: ok}}
                  /deep:
                    post:
                      operationId: postDeep
                      requestBody:
                        content: {application/json: {schema: {$ref: '#/components/schemas/Deep'}}}
                      responses: {'204': {description: ok}}
                  /empty:
                    post:
                      operationId: postEmpty
                      requestBody: {content: {}}
                      responses: {'204': {description: ok}}
                    put:
                      operationId: putEmpty
                      requestBody: {content: {}}
                      responses: {'204': {description: ok}}
                  /left-out:
                    get: {operationId: leftOut, responses: {'200': {description: ok}}}
                """;

        private final ImportResult result = Imports.yaml(SPEC, ImportOptions.builder().maxSchemaDepth(2)
                .exclude(List.of(SelectionRule.operationId("leftOut"))).build());

        @Test
        void namesTheCredentialParameterAndTheParameterNotInThePath() {
            assertEquals(new ImportWarning(ImportWarning.CREDENTIAL_PARAMETER,
                    "query parameter api_key is the key of security scheme key, not a tool argument",
                    List.of("getThing"), "configure credentials on the API; the gateway sends the key"),
                    only(result, ImportWarning.CREDENTIAL_PARAMETER, "query parameter api_key"));
            assertEquals(new ImportWarning(ImportWarning.IGNORED_PARAMETER,
                    "path parameter ghost is not in the path template; ignored", List.of("getThing"),
                    "fix the spec: put {ghost} in the path or declare the parameter in the query"),
                    only(result, ImportWarning.IGNORED_PARAMETER, "path parameter ghost"));
        }

        @Test
        void reportsTheDroppedPatternAndTheSchemaCutAtTheDepthCap() {
            assertEquals(List.of("getThing"), only(result, ImportWarning.SCHEMA, "inputSchema at q: pattern").operations());
            ImportWarning cap = only(result, ImportWarning.SCHEMA_CAP, "schema nests deeper than 2 levels");
            assertEquals(List.of("postDeep"), cap.operations());
            assertEquals("nothing to do for calls (the API checks the part left unchecked); raise maxSchemaDepth or "
                    + "maxSubschemas for a complete schema", cap.fix());
        }

        @Test
        void groupsSkippedOperationsByReasonButLeavesTheOperatorsExclusionsOut() {
            assertEquals(new ImportWarning(ImportWarning.SKIPPED_OPERATION, "request body declares no media type",
                    List.of("putEmpty", "postEmpty"), null),
                    only(result, ImportWarning.SKIPPED_OPERATION, "request body"));
            List<String> mentioned = new ArrayList<>();
            result.report().forEach(w -> mentioned.addAll(w.operations()));
            assertEquals(false, mentioned.contains("leftOut"));
        }
    }
}
