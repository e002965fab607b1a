package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which local files an import may open, judged before anything is opened. */
class LocalFilesTest {

    private static final String ITEM_SPEC = """
            openapi: 3.0.3
            info: {title: Items, version: '1'}
            servers: [{url: 'http://127.0.0.1:1'}]
            paths:
              /items:
                get:
                  operationId: listItems
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '%s'}
            """;

    @TempDir
    Path root;
    private Path folder;
    private Path outside;

    @BeforeEach
    void files() throws Exception {
        folder = Files.createDirectories(root.resolve("specs"));
        outside = Files.writeString(root.resolve("outside.yaml"), "Item: {type: object}\n");
        Files.writeString(folder.resolve("item.yaml"), "Item: {type: object, properties: {id: {type: string}}}\n");
    }

    private static String refusal(LocalFiles files, Path path) {
        return assertThrows(SpecSourceRefusedException.class, () -> files.permit(path)).getMessage();
    }

    @Nested
    class UnderAFolder {

        @Test
        void aFileInsideIsPermittedAsItsRealPath() throws Exception {
            LocalFiles files = LocalFiles.under(folder, 1024);
            assertEquals(folder.resolve("item.yaml").toRealPath(), files.permit(Path.of("item.yaml")));
        }

        @Test
        void dotDotLinksDirectoriesAndSizeAreRefusedNamingTheRule() throws Exception {
            LocalFiles files = LocalFiles.under(folder, 1024);
            assertTrue(refusal(files, Path.of("../outside.yaml")).contains("outside the folder"));
            assertTrue(refusal(files, outside).contains("outside the folder"));
            Files.createSymbolicLink(folder.resolve("link.yaml"), outside);
            assertTrue(refusal(files, Path.of("link.yaml")).contains("outside the folder"));
            Files.createDirectories(folder.resolve("dir"));
            assertTrue(refusal(files, Path.of("dir")).contains("not a regular file"));
            assertTrue(refusal(files, Path.of("missing.yaml")).contains("no such file"));
            assertTrue(refusal(LocalFiles.under(folder, 10), Path.of("item.yaml")).contains("larger than 10 bytes"));
        }

        @Test
        void referencesAreReadInsideAndDisarmedOutsideWithAWarning() {
            LocalFiles files = LocalFiles.under(folder, 1024 * 1024);
            ImportResult inside = new OpenApiImporter(files).importSpec(
                    SpecSource.inline(ITEM_SPEC.formatted("item.yaml#/Item"), folder.resolve("spec.yaml").toUri()));
            assertTrue(inside.warnings().isEmpty(), inside.warnings().toString());
            assertTrue(inside.tools().getFirst().tool().outputSchema().toString().contains("id"));

            ImportResult out = new OpenApiImporter(files).importSpec(SpecSource.inline(
                    ITEM_SPEC.formatted(outside.toUri() + "#/Item"), folder.resolve("spec.yaml").toUri()));
            assertTrue(out.warnings().stream().anyMatch(w -> w.contains("outside the folder")), out.warnings().toString());
        }

        @Test
        void aRelativeReferenceInADocumentWithoutLocationIsDisarmed() {
            ImportResult result = new OpenApiImporter(LocalFiles.under(folder, 1024 * 1024))
                    .importSpec(SpecSource.inline(ITEM_SPEC.formatted("item.yaml#/Item")));
            assertTrue(result.warnings().stream().anyMatch(w -> w.contains("names no file the spec may reach")),
                    result.warnings().toString());
        }
    }

    @Nested
    class Elsewhere {

        @Test
        void noneRefusesEveryFileAndAnywhereRefusesNone() throws Exception {
            assertTrue(refusal(LocalFiles.NONE, folder.resolve("item.yaml")).contains("local files are not read"));
            assertEquals(outside.toAbsolutePath().normalize(), LocalFiles.ANYWHERE.permit(outside));
        }

        @Test
        void theCommandLineStillReadsReferencesOutsideAnyFolder() {
            ImportResult result = new OpenApiImporter().importSpec(SpecSource.inline(
                    ITEM_SPEC.formatted("../outside.yaml#/Item"), folder.resolve("spec.yaml").toUri()));
            assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        }
    }
}
