package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mcpgateway.openapi.mapping.OperationWalker;
import dev.mcpgateway.testsupport.NodeTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document of the npm package {@code @readme/oas-examples} (OpenAPI 3.0, 3.1, Swagger 2.0; JSON and YAML)
 * imports, and each of its operations becomes a tool whose inputSchema is valid JSON Schema 2020-12 (checked
 * against the meta-schema), or a skip with a reason. Fails listing every offender.
 */
class OasExamplesCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Schema META_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    @Test
    void everyOperationOfEveryDocumentBecomesAValidToolOrASkipWithAReason() throws IOException {
        Path corpus = NodeTools.nodeModules().resolve("@readme/oas-examples");
        List<Path> documents;
        try (Stream<Path> files = Files.walk(corpus)) {
            documents = files.filter(p -> p.toString().matches(".*/(2\\.0|3\\.0|3\\.1)/(json|yaml)/.*\\.(json|ya?ml)$"))
                    .sorted().toList();
        }
        assertTrue(documents.size() > 100, "expected the whole corpus, found " + documents.size());
        OpenApiImporter importer = new OpenApiImporter();
        List<String> offenders = new ArrayList<>();
        int tools = 0;
        int skipped = 0;
        for (Path document : documents) {
            String name = corpus.relativize(document).toString();
            ImportResult result;
            try {
                result = importer.importSpec(SpecSource.file(document), ImportOptions.defaults());
            } catch (SpecImportException e) {
                offenders.add(name + ": does not import: " + e.messages());
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                offenders.add(name + ": import crashed: " + e);
                continue;
            }
            int operations = countOperations(document);
            long accounted = result.tools().size() + result.skipped().stream()
                    .filter(s -> !s.reason().startsWith("webhook")).count();
            if (accounted != operations) {
                offenders.add(name + ": " + operations + " operations but " + result.tools().size() + " tools and "
                        + result.skipped().size() + " skipped");
            }
            for (SkippedOperation skip : result.skipped()) {
                if (skip.reason().isBlank()) {
                    offenders.add(name + ": " + skip.operation() + " skipped without a reason");
                }
            }
            for (ToolDefinition tool : result.tools()) {
                JsonNode schema = JSON.valueToTree(tool.tool().inputSchema());
                List<Error> errors = META_SCHEMA.validate(schema);
                if (!errors.isEmpty() || !"object".equals(schema.path("type").asText())) {
                    offenders.add(name + ": " + tool.name() + " inputSchema invalid: " + errors);
                }
                if (tool.tool().outputSchema() != null) {
                    List<Error> outputErrors = META_SCHEMA.validate(JSON.valueToTree(tool.tool().outputSchema()));
                    if (!outputErrors.isEmpty()) {
                        offenders.add(name + ": " + tool.name() + " outputSchema invalid: " + outputErrors);
                    }
                }
            }
            tools += result.tools().size();
            skipped += result.skipped().size();
        }
        assertEquals(List.of(), offenders, () -> offenders.size() + " offenders:\n" + String.join("\n", offenders));
        System.out.printf("oas-examples corpus: %d documents, %d tools, %d skipped%n", documents.size(), tools, skipped);
    }

    /** Operations as written in the raw document (path items by reference counted through the reference). */
    private static int countOperations(Path document) throws IOException {
        String text = Files.readString(document);
        JsonNode root = document.toString().endsWith(".json") ? JSON.readTree(text) : YAML.readTree(text);
        int count = 0;
        for (JsonNode item : root.path("paths")) {
            JsonNode resolved = item;
            if (item.has("$ref") && item.get("$ref").asText().startsWith("#")) {
                resolved = root.at(item.get("$ref").asText().substring(1));
            }
            for (String method : OperationWalker.METHODS) {
                if (resolved.path(method).isObject()) {
                    count++;
                }
            }
        }
        return count;
    }
}
