package dev.mcpgateway.gateway.catalog;

import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.openapi.SpecSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the {@code openapi} field: an http(s) URL, {@code classpath:} (specs shipped inside the jar, such as the
 * samples), a document given inline (JSON or YAML text), or a file path.
 */
final class SpecSources {

    SpecSource open(String openapi) throws InvalidDefinitionException {
        String text = openapi.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.contains("\n") || text.startsWith("{")) {
            return SpecSource.inline(text);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                return SpecSource.url(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidDefinitionException("openapi", "is not a valid URL");
            }
        }
        if (lower.startsWith("classpath:")) {
            String resource = text.substring("classpath:".length()).replaceFirst("^/", "");
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new InvalidDefinitionException("openapi", "no such classpath resource: " + resource);
                }
                return SpecSource.inline(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InvalidDefinitionException("openapi", "classpath resource could not be read: " + resource);
            }
        }
        try {
            Path path = lower.startsWith("file:") ? Path.of(java.net.URI.create(text)) : Path.of(text);
            if (!Files.isRegularFile(path)) {
                throw new InvalidDefinitionException("openapi", "no such file: " + text);
            }
            return SpecSource.file(path);
        } catch (IllegalArgumentException e) { // includes InvalidPathException
            throw new InvalidDefinitionException("openapi", "is neither a URL, a file path nor a document");
        }
    }
}
