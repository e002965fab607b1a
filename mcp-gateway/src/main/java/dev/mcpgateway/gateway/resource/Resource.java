package dev.mcpgateway.gateway.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import dev.mcpgateway.gateway.state.Source;

/**
 * One resource: its kind, id, APIM-shaped {@code properties} (checked and normalised by its {@link ResourceType}),
 * and where it was declared. Immutable: the properties are a private copy never handed out for writing.
 */
public record Resource(ResourceKind kind, String id, ObjectNode properties, Source source) {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public Resource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        properties = properties.deepCopy();
        Objects.requireNonNull(source, "source");
    }

    /** A copy of the properties, free to change. */
    public ObjectNode copyOfProperties() {
        return properties.deepCopy();
    }

    public String text(String field) {
        JsonNode value = properties.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * A strong entity tag of the properties: the same content gives the same tag on every instance and after a
     * restart, so {@code If-Match} works across a scaled-out gateway.
     */
    public String etag() {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(CANONICAL.treeToValue(properties, Object.class))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
