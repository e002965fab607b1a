package dev.mcpgateway.openapi.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a spec with Swagger Parser. Remote references are refused unless allowed: the parser's URL checker is
 * switched on with a deny-all list, so an http(s) {@code $ref} (or a relative one inside a spec loaded from a URL)
 * is never fetched; it stays an unresolved reference that the converter reports.
 */
public final class SpecReader {

    private static final Pattern SWAGGER_2 = Pattern.compile("[\"']?swagger[\"']?\\s*:\\s*[\"']?2");

    public ParsedSpec read(SpecSource source, boolean allowRemoteRefs) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(false);
        options.setFlatten(false);
        if (!allowRemoteRefs) {
            options.setSafelyResolveURL(true);
            options.setRemoteRefBlockList(List.of("*"));
        }
        SwaggerParseResult result;
        try {
            switch (source) {
                case SpecSource.FileSource file -> {
                    if (!java.nio.file.Files.isReadable(file.path())) {
                        throw new SpecImportException("cannot read " + file.path(),
                                List.of("file not found or not readable: " + file.path()));
                    }
                    result = new OpenAPIParser().readLocation(file.path().toString(), null, options);
                }
                case SpecSource.UrlSource url -> {
                    result = new OpenAPIParser().readLocation(url.url().toString(), null, options);
                }
                case SpecSource.InlineSource inline -> {
                    // only the 3.x parser takes a base location for relative refs in a string
                    result = looksLikeSwagger2(inline.text()) || inline.baseLocation() == null
                            ? new OpenAPIParser().readContents(inline.text(), null, options)
                            : new OpenAPIV3Parser().readContents(inline.text(), null, options,
                                    inline.baseLocation().toString());
                }
            }
        } catch (SpecImportException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new SpecImportException("the spec could not be parsed",
                    List.of("parser failure: " + e.getClass().getSimpleName()));
        }
        List<String> messages = new ArrayList<>(result == null || result.getMessages() == null
                ? List.of() : result.getMessages().stream().filter(Objects::nonNull).toList());
        OpenAPI openApi = result == null ? null : result.getOpenAPI();
        if (openApi == null) {
            if (messages.isEmpty()) {
                messages.add("not an OpenAPI 3.x or Swagger 2.0 document");
            }
            throw new SpecImportException("the spec could not be parsed", messages);
        }
        if (openApi.getPaths() == null && openApi.getWebhooks() == null) {
            messages.add("the spec declares no paths");
        }
        ObjectMapper mapper = openApi.getSpecVersion() == SpecVersion.V31 ? Json31.mapper() : Json.mapper();
        JsonNode document = Numbers.normalise(mapper.valueToTree(openApi));
        return new ParsedSpec(document, source.location(), messages);
    }

    static boolean looksLikeSwagger2(String text) {
        int limit = Math.min(text.length(), 4096);
        return SWAGGER_2.matcher(text.substring(0, limit)).find();
    }
}
