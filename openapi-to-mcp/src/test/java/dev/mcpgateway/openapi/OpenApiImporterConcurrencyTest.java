package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One importer shared by many threads gives every caller the same, complete result. */
class OpenApiImporterConcurrencyTest {

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        OpenApiImporter importer = new OpenApiImporter();
        SpecSource petstore = SpecSource.file(Path.of("src/test/resources/specs/petstore.yaml"));
        List<McpSchema.Tool> expected = importer.importSpec(petstore, ImportOptions.defaults()).tools().stream()
                .map(ToolDefinition::tool).toList();
        List<Future<List<McpSchema.Tool>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> importer.importSpec(petstore, ImportOptions.defaults()).tools().stream()
                        .map(ToolDefinition::tool).toList()));
            }
        }
        for (Future<List<McpSchema.Tool>> result : results) {
            assertEquals(expected, result.get());
        }
    }
}
