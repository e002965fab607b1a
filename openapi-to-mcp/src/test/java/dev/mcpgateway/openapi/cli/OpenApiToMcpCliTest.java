package dev.mcpgateway.openapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI's main entry, run in-process: listings, JSON form, exit statuses. */
class OpenApiToMcpCliTest {

    private static final String PETSTORE = Path.of("src/test/resources/specs/petstore.yaml").toString();

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OpenApiToMcpCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsOneJsonDocumentWithToolsInToolsListFormAndSkips() throws Exception {
        Run run = run("tools", PETSTORE, "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode document = new ObjectMapper().readTree(run.out());
        List<String> names = new ArrayList<>();
        document.path("tools").forEach(t -> names.add(t.path("name").asText()));
        assertEquals(List.of("listPets", "createPet", "getPetById", "deletePet"), names);
        JsonNode list = document.path("tools").get(0);
        assertEquals("object", list.path("inputSchema").path("type").asText());
        assertEquals("array", list.path("outputSchema").path("properties").path("result").path("type").asText());
        assertEquals(true, list.path("annotations").path("readOnlyHint").asBoolean());
        assertEquals(false, list.path("annotations").path("destructiveHint").asBoolean(true));
        assertEquals(true, document.path("tools").get(3).path("annotations").path("destructiveHint").asBoolean());
        assertTrue(document.path("skipped").isArray());
    }

    @Test
    void printsAHumanListingWithSchemasAndHints() {
        Run run = run("tools", PETSTORE, "--prefix", "pets_");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Petstore 1.0.0: 4 tools, 0 skipped\n"), run.out());
        assertTrue(run.out().contains("pets_deletePet  DELETE /pets/{petId}  [writes, destructive, idempotent, open-world]"),
                run.out());
        assertTrue(run.out().contains("\"petId\" : {"), run.out());
        assertTrue(run.out().contains("description: DEPRECATED: Delete a pet"), run.out());
        assertTrue(run.out().contains("  accept: application/json\n"), run.out());
    }

    @Test
    void showsTheGroupedImportReportInTextAndJson() throws Exception {
        String spec = Path.of("src/test/resources/specs/ignored-headers.yaml").toString();
        Run text = run("tools", spec);
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().endsWith("\nwarnings:\n  [ignored-parameter] header parameter Authorization is not a "
                + "tool argument: OpenAPI ignores it (2 operations: listThings, getThing). Fix: configure credentials "
                + "on the API; the gateway adds them to every call that needs them\n"), text.out());

        Run json = run("tools", spec, "--json");
        JsonNode warnings = new ObjectMapper().readTree(json.out()).path("warnings");
        assertEquals(new ObjectMapper().readTree("""
                [{"code": "ignored-parameter",
                  "message": "header parameter Authorization is not a tool argument: OpenAPI ignores it",
                  "operationCount": 2, "operations": ["listThings", "getThing"],
                  "fix": "configure credentials on the API; the gateway adds them to every call that needs them"}]
                """), warnings);
    }

    @Test
    void exitsNonZeroWithTheParserMessagesForAnInvalidSpec() {
        Run run = run("tools", Path.of("src/test/resources/specs/not-openapi.yaml").toString());
        assertEquals(1, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().lines().count() > 1, "the parser's messages follow: " + run.err());
    }

    @Test
    void exitsNonZeroForAMissingFileAndForBadUsage() {
        Run missing = run("tools", "does/not/exist.yaml");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("exist.yaml"), missing.err());
        Run usage = run("tools");
        assertEquals(2, usage.status());
        assertTrue(usage.err().contains("usage: openapi-to-mcp tools SPEC"), usage.err());
        assertEquals(2, run("tools", PETSTORE, "--bogus").status());
    }
}
