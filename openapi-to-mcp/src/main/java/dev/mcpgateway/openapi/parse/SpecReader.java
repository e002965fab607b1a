package dev.mcpgateway.openapi.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.openapi.LocalFiles;
import dev.mcpgateway.openapi.SpecImportException;
import dev.mcpgateway.openapi.SpecSource;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a spec with Swagger Parser. Unless remote references are allowed, the document graph is first scanned
 * ({@link RefScan}) and every reference that would need the network is disarmed before the parser sees it, so
 * nothing is fetched behind the caller's back; the spec itself is fetched only when the source is a URL. Every
 * local file (the spec's own and those its references reach) passes the {@link LocalFiles} rule before it is opened;
 * under a confined rule remote references stay disarmed whatever the options say.
 */
public final class SpecReader {

    private static final Pattern SWAGGER_2 = Pattern.compile("[\"']?swagger[\"']?\\s*:\\s*[\"']?2");

    private final LocalFiles files;

    public SpecReader(LocalFiles files) {
        this.files = files;
    }

    public ParsedSpec read(SpecSource source, boolean allowRemoteRefs) {
        List<String> messages = new ArrayList<>();
        SwaggerParseResult result;
        try {
            result = allowRemoteRefs && files.unconfined() ? parseTrusting(source) : parseGuarded(source, messages);
        } catch (SpecImportException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new SpecImportException("the spec could not be parsed",
                    List.of("parser failure: " + e.getClass().getSimpleName()));
        }
        if (result != null && result.getMessages() != null) {
            result.getMessages().stream().filter(Objects::nonNull).forEach(messages::add);
        }
        OpenAPI openApi = result == null ? null : result.getOpenAPI();
        if (openApi == null || openApi.getOpenapi() == null || openApi.getInfo() == null
                && (openApi.getPaths() == null || openApi.getPaths().isEmpty())) {
            if (messages.isEmpty()) {
                messages.add("not an OpenAPI 3.x or Swagger 2.0 document (no paths)");
            }
            throw new SpecImportException("the spec could not be parsed", messages);
        }
        ObjectMapper mapper = openApi.getSpecVersion() == SpecVersion.V31 ? Json31.mapper() : Json.mapper();
        JsonNode document;
        try {
            document = Numbers.normalise(mapper.valueToTree(openApi));
        } catch (RuntimeException | StackOverflowError e) {
            throw new SpecImportException("the spec could not be read",
                    List.of("the parsed document could not be converted: " + e.getClass().getSimpleName()));
        }
        return new ParsedSpec(document, source.location(), messages);
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(false);
        options.setFlatten(false);
        // style/explode stay absent when the spec omits them; the importer applies OpenAPI's defaults itself
        options.setExplicitStyleAndExplode(false);
        return options;
    }

    /** Remote refs allowed: the parser reads and resolves everything itself. */
    private static SwaggerParseResult parseTrusting(SpecSource source) throws IOException {
        return switch (source) {
            case SpecSource.FileSource file -> new OpenAPIParser().readLocation(readable(file.path()).toString(), null,
                    options());
            case SpecSource.UrlSource url -> new OpenAPIParser().readLocation(url.url().toString(), null, options());
            case SpecSource.InlineSource inline -> parseText(inline.text(), inline.baseLocation());
        };
    }

    private SwaggerParseResult parseGuarded(SpecSource source, List<String> messages) throws IOException {
        String text;
        URI base = source.location().orElse(null);
        Path rootPath = null;
        switch (source) {
            case SpecSource.FileSource file -> {
                rootPath = readable(files.permit(file.path()));
                text = Files.readString(rootPath);
            }
            case SpecSource.UrlSource url -> text = SpecFetcher.fetch(url.url());
            case SpecSource.InlineSource inline -> {
                text = inline.text();
                if (base != null && "file".equalsIgnoreCase(base.getScheme())) {
                    rootPath = Path.of(base).normalize();
                }
            }
        }
        JsonNode root;
        try {
            root = Trees.parse(text);
        } catch (JsonProcessingException e) {
            // the parser's message may quote the document: only the position is kept
            var location = e.getLocation();
            throw new SpecImportException("the spec is neither JSON nor YAML", location == null ? List.of()
                    : List.of("syntax error at line " + location.getLineNr() + ", column " + location.getColumnNr()));
        }
        if (!root.has("openapi") && !root.has("swagger")) {
            throw new SpecImportException("the spec could not be parsed",
                    List.of("not an OpenAPI 3.x or Swagger 2.0 document: it has no 'openapi' or 'swagger' field"));
        }
        RefScan.Result scan = RefScan.scan(root, base, rootPath, files);
        scan.blocked().forEach(ref -> messages.add("remote reference " + ref + " not fetched: remote references are disabled"));
        messages.addAll(scan.problems());
        if (scan.localDocuments().size() <= 1) {
            return parseText(Trees.write(root), null);
        }
        return LocalCopy.parse(scan.localDocuments(), rootPath, path -> new OpenAPIParser()
                .readLocation(path.toString(), null, options()));
    }

    private static SwaggerParseResult parseText(String text, URI base) {
        // only the 3.x parser takes a base location for relative refs in a string
        boolean swagger2 = SWAGGER_2.matcher(text.substring(0, Math.min(text.length(), 4096))).find();
        return swagger2 || base == null ? new OpenAPIParser().readContents(text, null, options())
                : new OpenAPIV3Parser().readContents(text, null, options(), base.toString());
    }

    private static Path readable(Path path) {
        if (!Files.isReadable(path)) {
            throw new SpecImportException("cannot read " + path, List.of("file not found or not readable: " + path));
        }
        return path;
    }
}
