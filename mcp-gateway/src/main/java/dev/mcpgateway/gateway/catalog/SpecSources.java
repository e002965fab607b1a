package dev.mcpgateway.gateway.catalog;

import dev.mcpgateway.auth.client.ssrf.FetchRefusedException;
import dev.mcpgateway.auth.client.ssrf.GuardedGet;
import dev.mcpgateway.auth.client.ssrf.PinnedFetch;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.openapi.LocalFiles;
import dev.mcpgateway.openapi.SpecSource;
import dev.mcpgateway.openapi.SpecSourceRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Reads the {@code openapi} field: an http(s) URL, {@code classpath:} (specs shipped inside the jar, such as the
 * samples), a document given inline (JSON or YAML text), or a file path. URLs are fetched by a {@link GuardedGet}
 * (every hop's address checked, connected to pinned, bounded redirects, size and time caps) and local files, the
 * spec's own and those its references reach, must pass {@link #files()}. The parser itself never opens a URL or a
 * file: a fetched document is handed over as text with its URL as base, so relative references are seen as remote
 * and stay disarmed. Error messages name the rule or the failure, never what was read.
 */
public final class SpecSources {

    private static final String ACCEPT = "application/json, application/yaml, text/yaml, */*;q=0.5";

    private final GuardedGet fetch;
    private final LocalFiles files;

    public SpecSources(GuardedGet fetch, LocalFiles files) {
        this.fetch = fetch;
        this.files = files;
    }

    /** The rule every local file of a spec read here must pass. */
    public LocalFiles files() {
        return files;
    }

    SpecSource open(String openapi) throws InvalidDefinitionException {
        String text = openapi.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.contains("\n") || text.startsWith("{")) {
            return SpecSource.inline(text);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return fetched(text);
        }
        if (lower.startsWith("classpath:")) {
            return classpath(text.substring("classpath:".length()).replaceFirst("^/", ""));
        }
        Path path;
        try {
            path = lower.startsWith("file:") ? Path.of(URI.create(text)) : Path.of(text);
        } catch (IllegalArgumentException e) { // includes InvalidPathException
            throw new InvalidDefinitionException("openapi", "is neither a URL, a file path nor a document");
        }
        Path permitted;
        try {
            permitted = files.permit(path);
        } catch (SpecSourceRefusedException e) {
            throw new InvalidDefinitionException("openapi", "is refused: " + e.getMessage());
        }
        if (!Files.isRegularFile(permitted)) {
            throw new InvalidDefinitionException("openapi", "no such file: " + text);
        }
        return SpecSource.file(permitted);
    }

    private SpecSource fetched(String url) throws InvalidDefinitionException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidDefinitionException("openapi", "is not a valid URL");
        }
        GuardedGet.Fetched fetched;
        try {
            fetched = fetch.get(uri, ACCEPT);
        } catch (FetchRefusedException e) {
            throw new InvalidDefinitionException("openapi", "is refused: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            throw new InvalidDefinitionException("openapi", "could not be fetched: the server did not answer in time");
        } catch (SSLException e) {
            throw new InvalidDefinitionException("openapi", "could not be fetched: the TLS handshake failed");
        } catch (IOException e) {
            throw new InvalidDefinitionException("openapi", "could not be fetched: the connection failed");
        }
        PinnedFetch.Answer answer = fetched.answer();
        if (answer.tooLarge()) {
            throw new InvalidDefinitionException("openapi", "is refused: the document is larger than the "
                    + "gateway.spec-sources.max-bytes cap");
        }
        if (answer.status() / 100 != 2) {
            throw new InvalidDefinitionException("openapi", "could not be fetched: the server answered HTTP "
                    + answer.status());
        }
        return SpecSource.inline(new String(answer.body(), StandardCharsets.UTF_8), fetched.uri());
    }

    private static SpecSource classpath(String resource) throws InvalidDefinitionException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidDefinitionException("openapi", "no such classpath resource: " + resource);
            }
            return SpecSource.inline(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidDefinitionException("openapi", "classpath resource could not be read: " + resource);
        }
    }
}
