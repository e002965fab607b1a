package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hard case 1: tool identity (names valid for MCP, within budget including the prefix, unique, stable). */
class ToolNamingTest {

    private static final String K8S_ID = "deleteAdmissionregistrationV1CollectionValidatingAdmissionPolicyBinding";

    private static String spec(String operations) {
        return """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                """ + operations;
    }

    private static List<String> names(ImportResult result) {
        return result.tools().stream().map(ToolDefinition::name).toList();
    }

    @Nested
    class WhenTheOperationIdHasForbiddenCharacters {
        @Test
        void replacesThemWithUnderscores() {
            var result = Imports.yaml(spec("""
                      /repos/{path}:
                        get:
                          operationId: repos/get-content
                          parameters: [{name: path, in: path, required: true, schema: {type: string}}]
                          responses: {'200': {description: ok}}
                    """));
            assertEquals(List.of("repos_get-content"), names(result));
        }
    }

    @Nested
    class WhenTheOperationIdIsTooLong {
        private final String operations = """
                  /apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings:
                    delete:
                      operationId: %s
                      responses: {'200': {description: ok}}
                """.formatted(K8S_ID);

        @Test
        void shortensAtAWordBoundaryAndAddsAHashOfTheOriginalWithinTheBudgetIncludingThePrefix() {
            var options = ImportOptions.builder().toolNamePrefix("kube.").build();
            String name = Imports.only(Imports.yaml(spec(operations), options)).name();
            // 5 (prefix) + 49 (cut before "AdmissionPolicyBinding") + "_" + sha256(original)[0..8]
            assertEquals("kube.deleteAdmissionregistrationV1CollectionValidating_c4da3284", name);
            assertEquals(63, name.length());
        }

        @Test
        void givesTheSameNameOnEveryImport() {
            var options = ImportOptions.builder().toolNamePrefix("kube.").build();
            String first = Imports.only(Imports.yaml(spec(operations), options)).name();
            String second = Imports.only(Imports.yaml(spec(operations), options)).name();
            assertEquals(first, second);
        }

        @Test
        void respectsAStricterBudget() {
            var options = ImportOptions.builder().maxToolNameLength(50).toolNamePrefix("k_").build();
            String name = Imports.only(Imports.yaml(spec(operations), options)).name();
            assertEquals("k_deleteAdmissionregistrationV1Collection_c4da3284", name);
            assertEquals(50, name.length());
        }

        @Test
        void leavesNamesThatFitUntouched() {
            String fits = "deleteAdmissionregistrationV1Collection";
            assertEquals(List.of(fits), names(Imports.yaml(spec(operations.replace(K8S_ID, fits)))));
        }
    }

    @Nested
    class WhenThereIsNoOperationId {
        @Test
        void namesTheToolFromMethodAndPath() {
            var result = Imports.yaml(spec("""
                      /pets/{petId}/photos:
                        get:
                          parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
                          responses: {'200': {description: ok}}
                        post:
                          parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
                          responses: {'200': {description: ok}}
                      /:
                        get:
                          responses: {'200': {description: ok}}
                    """));
            assertEquals(List.of("get_pets_petId_photos", "post_pets_petId_photos", "get_root"), names(result));
        }
    }

    @Nested
    class WhenTwoOperationsWantTheSameName {
        @Test
        void keepsTheFirstAndHashesTheOthersDeterministically() {
            String operations = """
                      /a:
                        get:
                          operationId: fetch
                          responses: {'200': {description: ok}}
                      /b:
                        get:
                          operationId: fetch
                          responses: {'200': {description: ok}}
                      /c:
                        get:
                          operationId: fetch!
                          responses: {'200': {description: ok}}
                    """;
            List<String> names = names(Imports.yaml(spec(operations)));
            assertEquals("fetch", names.get(0));
            assertTrue(names.get(1).matches("fetch_[0-9a-f]{8}"), names.toString());
            assertTrue(names.get(2).matches("fetch_[0-9a-f]{8}"), names.toString());
            assertEquals(3, names.stream().distinct().count());
            assertEquals(names, names(Imports.yaml(spec(operations))));
        }
    }

    @Nested
    class WhenTheNameIsChosen {
        private final String operations = """
                  /pets:
                    get:
                      operationId: listPets
                      x-mcp-tool-name: pets.list
                      responses: {'200': {description: ok}}
                    post:
                      operationId: createPet
                      responses: {'200': {description: ok}}
                """;

        @Test
        void usesTheXMcpToolNameExtension() {
            assertEquals(List.of("pets.list", "createPet"), names(Imports.yaml(spec(operations))));
        }

        @Test
        void usesTheAdminOverrideOverEverything() {
            var options = ImportOptions.builder().toolNamePrefix("shop_").overrides(Map.of(
                    "listPets", OperationOverride.name("find_pets"),
                    "createPet", OperationOverride.name("add pet"))).build();
            assertEquals(List.of("shop_find_pets", "shop_add_pet"), names(Imports.yaml(spec(operations), options)));
        }
    }

    @Nested
    class Annotations {
        @Test
        void areAlwaysExplicitAndFollowHttpSemantics() {
            var result = Imports.yaml(spec("""
                      /things/{id}:
                        parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                        get: {operationId: getThing, summary: Get a thing, responses: {'200': {description: ok}}}
                        head: {operationId: headThing, responses: {'200': {description: ok}}}
                        put: {operationId: putThing, responses: {'200': {description: ok}}}
                        post: {operationId: postThing, responses: {'200': {description: ok}}}
                        patch: {operationId: patchThing, responses: {'200': {description: ok}}}
                        delete: {operationId: deleteThing, responses: {'204': {description: gone}}}
                    """));
            assertEquals(new McpSchema.ToolAnnotations("Get a thing", true, false, true, true, null),
                    Imports.tool(result, "getThing").tool().annotations());
            assertEquals(new McpSchema.ToolAnnotations(null, true, false, true, true, null),
                    Imports.tool(result, "headThing").tool().annotations());
            assertEquals(new McpSchema.ToolAnnotations(null, false, false, true, true, null),
                    Imports.tool(result, "putThing").tool().annotations());
            assertEquals(new McpSchema.ToolAnnotations(null, false, false, false, true, null),
                    Imports.tool(result, "postThing").tool().annotations());
            assertEquals(new McpSchema.ToolAnnotations(null, false, false, false, true, null),
                    Imports.tool(result, "patchThing").tool().annotations());
            assertEquals(new McpSchema.ToolAnnotations(null, false, true, true, true, null),
                    Imports.tool(result, "deleteThing").tool().annotations());
        }
    }

    @Nested
    class TitleAndDescription {
        @Test
        void joinSummaryAndDescriptionAndMarkDeprecation() {
            var result = Imports.yaml(spec("""
                      /old:
                        get:
                          operationId: oldThing
                          summary: Old thing
                          description: |
                            Fetches the old thing.


                            Use newThing instead.
                          deprecated: true
                          responses: {'200': {description: ok}}
                    """));
            McpSchema.Tool tool = Imports.only(result).tool();
            assertEquals("Old thing", tool.title());
            assertEquals("DEPRECATED: Old thing\n\nFetches the old thing.\n\nUse newThing instead.", tool.description());
        }
    }
}
