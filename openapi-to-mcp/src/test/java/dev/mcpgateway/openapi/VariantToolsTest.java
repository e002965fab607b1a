package dev.mcpgateway.openapi;

import static dev.mcpgateway.openapi.Imports.assertSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.openapi.http.BackendTarget;
import dev.mcpgateway.openapi.http.HttpRequestPlan;
import dev.mcpgateway.openapi.http.HttpResponseData;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mcpgateway.testsupport.EchoHttpServer;
import dev.mcpgateway.testsupport.NodeTools;
import java.nio.file.Files;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hard case 5, third option: one tool per variant of a top-level oneOf/anyOf request body. */
class VariantToolsTest {

    private static final SpecSource SPEC = SpecSource.file(Path.of("src/test/resources/specs/union-bodies.yaml"));
    private static final ImportResult SPLIT = new OpenApiImporter().importSpec(SPEC,
            ImportOptions.builder().unionBodies(UnionBodies.SPLIT).build());
    private static EchoHttpServer echo;

    @BeforeAll
    static void start() {
        echo = EchoHttpServer.start();
    }

    @AfterAll
    static void stop() {
        echo.close();
    }

    private static List<String> names(ImportResult result) {
        return result.tools().stream().map(ToolDefinition::name).toList();
    }

    private static EchoHttpServer.Received send(String tool, Map<String, Object> arguments) throws Exception {
        ToolDefinition definition = Imports.tool(SPLIT, tool);
        HttpRequestPlan plan = definition.buildRequest(arguments, BackendTarget.baseUrl(echo.baseUri()));
        try (HttpClient client = HttpClient.newHttpClient()) {
            var response = client.send(plan.toRequestBuilder().timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(false, definition.toResult(HttpResponseData.from(response)).isError());
        }
        return echo.last();
    }

    @Test
    void makesOneToolPerVariantNamedByDiscriminatorTitleSchemaNameOrPosition() {
        assertEquals(List.of("createPet_cat", "createPet_dog", "createPet_cat_fcb68dd7", "createPayment_Card",
                "createPayment_Bank_transfer", "putShape_Circle", "putShape_Square", "patch_events_id_variant1",
                "patch_events_id_variant2", "createAnimal_big-cat", "createAnimal_Zebra"), names(SPLIT));
    }

    @Test
    void keepsOneToolPerOperationUnlessAskedToSplit() {
        ImportResult whole = new OpenApiImporter().importSpec(SPEC);
        assertEquals(List.of("createPet", "createPet_cat", "createPayment", "putShape", "patch_events_id",
                "createAnimal"),
                names(whole));
    }

    @Nested
    class WithADiscriminator {

        @Test
        void leavesTheDiscriminatorOutOfTheArgumentsAndSaysWhichVariantTheToolSends() {
            ToolDefinition cat = Imports.tool(SPLIT, "createPet_cat");
            assertSchema("""
                    {"type": "object",
                     "properties": {"name": {"type": "string"}, "indoor": {"type": "boolean"}},
                     "required": ["name"]}
                    """, cat.tool().inputSchema());
            assertEquals("Add a pet (cat)", cat.tool().title());
            assertEquals("Sends the cat variant of the request body (one of cat, dog; each has its own tool). The "
                    + "gateway sets petType to \"cat\".\n\nAdd a pet", cat.tool().description());
            assertEquals("createPet#cat", cat.key());
            assertEquals("cat", cat.variant());
        }

        @Test
        void sendsTheVariantToTheSameOperationWithTheDiscriminatorSet() throws Exception {
            var received = send("createPet_dog", Map.of("name", "Rex", "barks", true));
            assertEquals("POST", received.method());
            assertEquals("/pets", received.rawPath());
            assertEquals("{\"name\":\"Rex\",\"barks\":true,\"petType\":\"dog\"}", received.bodyText());
        }
    }

    @Nested
    class WithADiscriminatorInheritedThroughAllOf {

        @Test
        void readsTheParentsDiscriminatorAndSetsItsValue() throws Exception {
            assertSchema("""
                    {"type": "object", "properties": {"stripes": {"type": "integer"}}}
                    """, Imports.tool(SPLIT, "createAnimal_Zebra").tool().inputSchema());
            var received = send("createAnimal_big-cat", Map.of("roars", true));
            assertEquals("{\"roars\":true,\"kind\":\"big-cat\"}", received.bodyText());
        }
    }

    @Nested
    class WithoutADiscriminator {

        @Test
        void givesEachToolItsVariantsSchemaOnly() {
            assertSchema("""
                    {"type": "object", "properties": {"iban": {"type": "string"}}, "required": ["iban"]}
                    """, Imports.tool(SPLIT, "createPayment_Bank_transfer").tool().inputSchema());
            // the body is optional, so none of its properties is a required argument (as without splitting)
            assertSchema("""
                    {"type": "object", "properties": {"radius": {"type": "number"}}}
                    """, Imports.tool(SPLIT, "putShape_Circle").tool().inputSchema());
        }

        @Test
        void sendsWhatTheModelGaveAndNothingElse() throws Exception {
            var received = send("patch_events_id_variant2", Map.of("id", "e1", "cancelled", true));
            assertEquals("PATCH", received.method());
            assertEquals("/events/e1", received.rawPath());
            assertEquals("{\"cancelled\":true}", received.bodyText());
        }
    }

    @Test
    void splitsTheUnionBodiesOfARealCorpusIntoValidToolsAndLosesNoOperation() throws Exception {
        Path corpus = NodeTools.nodeModules().resolve("@readme/oas-examples");
        List<Path> documents;
        try (var files = Files.walk(corpus)) {
            documents = files.filter(p -> p.toString().matches(".*/3\\.[01]/json/.*\\.json$")).sorted().toList();
        }
        var metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        ImportOptions split = ImportOptions.builder().unionBodies(UnionBodies.SPLIT).build();
        List<String> offenders = new java.util.ArrayList<>();
        int variantTools = 0;
        for (Path document : documents) {
            ImportResult whole = new OpenApiImporter().importSpec(SpecSource.file(document));
            ImportResult result = new OpenApiImporter().importSpec(SpecSource.file(document), split);
            var operations = new java.util.LinkedHashSet<String>();
            result.tools().forEach(t -> operations.add(t.key().replaceFirst("#.*", "")));
            result.skipped().forEach(s -> operations.add(s.operation().replaceFirst("#.*", "")));
            if (operations.size() != whole.tools().size() + whole.skipped().size()) {
                offenders.add(document.getFileName() + ": " + operations.size() + " operations split, "
                        + (whole.tools().size() + whole.skipped().size()) + " whole");
            }
            for (ToolDefinition tool : result.tools()) {
                variantTools += tool.variant() == null ? 0 : 1;
                var errors = metaSchema.validate(Imports.MAPPER.valueToTree(tool.tool().inputSchema()));
                if (!errors.isEmpty()) {
                    offenders.add(document.getFileName() + ": " + tool.name() + ": " + errors);
                }
            }
        }
        assertEquals(List.of(), offenders);
        assertTrue(variantTools >= 40, "the corpus has polymorphic request bodies; found " + variantTools);
    }

    @Test
    void keepsVariantNamesWithinTheBudgetAndUnique() {
        ImportResult tight = new OpenApiImporter().importSpec(SPEC, ImportOptions.builder()
                .unionBodies(UnionBodies.SPLIT).maxToolNameLength(20).toolNamePrefix("p.").build());
        List<String> names = names(tight);
        assertEquals(names.size(), names.stream().distinct().count(), names::toString);
        assertTrue(names.stream().allMatch(n -> n.length() <= 20 && n.matches("[A-Za-z0-9_.-]+")), names::toString);
    }
}
