package dev.mcpgateway.openapi.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A parsed spec as one OpenAPI 3 JSON tree (Swagger 2.0 already converted, relative file refs already pulled into
 * components), where it came from, and what the parser had to say.
 */
public record ParsedSpec(JsonNode document, Optional<URI> location, List<String> messages) {

    public ParsedSpec {
        messages = List.copyOf(messages);
    }

    public String title() {
        return document.path("info").path("title").asText("");
    }

    public String version() {
        return document.path("info").path("version").asText("");
    }
}
