package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The request body chosen for a tool: media type as declared (exact Content-Type), its schema (null when the spec
 * gives none), its {@code encoding} object, whether the body is required, and a name hint for a whole-body argument
 * (Swagger 2.0 {@code in: body} parameter name).
 */
record BodyPlan(String mediaType, JsonNode schema, JsonNode encoding, boolean required, String nameHint,
                String description) {

    String essence() {
        return MediaTypes.essence(mediaType);
    }

    /** The same body restricted to one variant of its union. */
    BodyPlan withSchema(JsonNode variant) {
        return new BodyPlan(mediaType, variant, encoding, required, nameHint, description);
    }
}
