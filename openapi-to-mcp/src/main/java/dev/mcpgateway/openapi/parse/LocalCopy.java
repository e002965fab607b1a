package dev.mcpgateway.openapi.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A multi-file spec whose remote refs were disarmed is parsed from a temporary copy that keeps the files' relative
 * layout (so relative refs still resolve) and holds the disarmed documents; the copy is deleted afterwards.
 */
final class LocalCopy {

    private LocalCopy() {
    }

    static SwaggerParseResult parse(Map<Path, JsonNode> documents, Path root,
                                    Function<Path, SwaggerParseResult> parser) throws IOException {
        Path ancestor = root.getParent();
        for (Path path : documents.keySet()) {
            while (!path.startsWith(ancestor)) {
                ancestor = ancestor.getParent();
            }
        }
        Path copy = Files.createTempDirectory("openapi-to-mcp");
        try {
            for (Map.Entry<Path, JsonNode> document : documents.entrySet()) {
                Path target = copy.resolve(ancestor.relativize(document.getKey()).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, Trees.write(document.getValue()));
            }
            return parser.apply(copy.resolve(ancestor.relativize(root).toString()));
        } finally {
            delete(copy);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
