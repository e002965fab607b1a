package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Selection rules and overrides; operations that cannot be tools are reported, never dropped or fatal. */
class SelectionAndSkipsTest {

    private static final String SHOP = """
            openapi: 3.1.0
            info: {title: shop, version: '1'}
            paths:
              /pets:
                get: {operationId: listPets, tags: [pets], responses: {'200': {description: ok}}}
                post: {operationId: createPet, tags: [pets, admin], responses: {'200': {description: ok}}}
              /pets/{id}/photos:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get: {operationId: listPhotos, tags: [media], responses: {'200': {description: ok}}}
              /store/orders:
                get: {operationId: listOrders, tags: [store], summary: List orders, responses: {'200': {description: ok}}}
                delete: {tags: [store], responses: {'204': {description: ok}}}
            webhooks:
              orderShipped:
                post: {operationId: orderShipped, responses: {'200': {description: ok}}}
            """;

    private static List<String> names(ImportResult result) {
        return result.tools().stream().map(ToolDefinition::name).toList();
    }

    @Nested
    class Selection {
        @Test
        void includesByTagAndExcludesByMethodWithExcludeWinning() {
            var options = ImportOptions.builder()
                    .include(List.of(SelectionRule.tag("pets"), SelectionRule.tag("store")))
                    .exclude(List.of(SelectionRule.method("delete"), SelectionRule.tag("ADMIN"))).build();
            ImportResult result = Imports.yaml(SHOP, options);
            assertEquals(List.of("listPets", "listOrders"), names(result));
            assertEquals(List.of(
                    new SkippedOperation("createPet", "excluded by rule tag ADMIN", true),
                    new SkippedOperation("listPhotos", "matches no include rule", true),
                    new SkippedOperation("DELETE /store/orders", "excluded by rule method delete", true)),
                    result.skipped().stream().filter(SkippedOperation::excluded).toList());
        }

        @Test
        void matchesPathGlobsPerSegmentOrAcrossSegmentsAndOperationIdGlobs() {
            assertEquals(List.of("listPets", "createPet"), names(Imports.yaml(SHOP, ImportOptions.builder()
                    .include(List.of(SelectionRule.path("/pets"))).build())));
            assertEquals(List.of("listPets", "createPet", "listPhotos"), names(Imports.yaml(SHOP,
                    ImportOptions.builder().include(List.of(SelectionRule.path("/pets/**"),
                            SelectionRule.path("/pets"))).build())));
            assertEquals(List.of("listPhotos"), names(Imports.yaml(SHOP, ImportOptions.builder()
                    .include(List.of(SelectionRule.path("/pets/*/photos"))).build())));
            assertEquals(List.of("listPets", "listPhotos", "listOrders"), names(Imports.yaml(SHOP,
                    ImportOptions.builder().include(List.of(SelectionRule.operationId("list*"))).build())));
        }
    }

    @Nested
    class Overrides {
        @Test
        void replaceNameAndDescriptionByOperationIdOrMethodAndPath() {
            var options = ImportOptions.builder().overrides(Map.of(
                    "listOrders", new OperationOverride("orders", "All orders, newest first.", null),
                    "DELETE /store/orders", OperationOverride.name("clear_orders"))).build();
            ImportResult result = Imports.yaml(SHOP, options);
            ToolDefinition orders = Imports.tool(result, "orders");
            assertEquals("All orders, newest first.", orders.tool().description());
            assertEquals("List orders", orders.tool().title());
            assertEquals("DELETE", Imports.tool(result, "clear_orders").method());
        }
    }

    @Nested
    class Skips {
        @Test
        void reportWebhooksWithAReason() {
            ImportResult result = Imports.yaml(SHOP);
            assertEquals(5, result.tools().size());
            assertEquals(List.of(new SkippedOperation("orderShipped",
                    "webhook: the API calls the consumer, so there is nothing for a tool to call")), result.skipped());
        }

        @Test
        void reportABodyWithoutSchemaAndKeepTheOtherOperations() {
            ImportResult result = Imports.yaml("""
                    openapi: 3.0.3
                    info: {title: t, version: '1'}
                    paths:
                      /a:
                        post:
                          operationId: noSchema
                          requestBody:
                            content:
                              application/json: {}
                          responses: {'204': {description: ok}}
                      /b:
                        post:
                          operationId: noMediaType
                          requestBody: {content: {}}
                          responses: {'204': {description: ok}}
                      /c:
                        get: {operationId: fine, responses: {'200': {description: ok}}}
                    """);
            assertEquals(List.of("fine"), names(result));
            assertEquals(List.of(
                    new SkippedOperation("noSchema",
                            "request body application/json has no schema, so its arguments are unknown"),
                    new SkippedOperation("noMediaType", "request body declares no media type")), result.skipped());
        }

        @Test
        void preferAMediaTypeTheToolCanFillOverAnEmptyJsonOne() {
            ToolDefinition tool = Imports.only(Imports.yaml("""
                    openapi: 3.0.3
                    info: {title: t, version: '1'}
                    paths:
                      /a:
                        post:
                          operationId: send
                          requestBody:
                            content:
                              application/json: {}
                              text/plain: {}
                          responses: {'204': {description: ok}}
                    """));
            assertEquals("text/plain", tool.binding().body().orElseThrow().mediaType());
        }
    }

    @Test
    void repairsOrDropsRegularExpressionsAValidatorCannotCompile() {
        ImportResult result = Imports.yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /ids:
                    get:
                      operationId: findIds
                      parameters:
                        - {name: guid, in: query, schema: {type: string, pattern: '^{[0-9a-f]{4}}$'}}
                        - {name: broken, in: query, schema: {type: string, pattern: '(unclosed'}}
                      responses: {'200': {description: ok}}
                """);
        Imports.assertSchema("""
                {"type": "object", "properties": {
                  "guid": {"type": "string", "pattern": "^\\\\{[0-9a-f]{4}\\\\}$"},
                  "broken": {"type": "string", "description": "Pattern: (unclosed"}}}""",
                Imports.only(result).tool().inputSchema());
        assertTrue(result.warnings().contains("findIds: inputSchema at broken: pattern (unclosed has no ECMA-262 "
                + "equivalent (unbalanced parenthesis); left out of the schema clients see and added to the "
                + "description; not checked at all (not a valid Java regular expression either)"),
                result.warnings()::toString);
    }
}
