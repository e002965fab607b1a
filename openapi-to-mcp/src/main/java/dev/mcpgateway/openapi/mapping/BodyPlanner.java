package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.openapi.schema.SchemaDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Picks the request body media type (override, else preference order) and reports bodies that cannot be mapped. */
final class BodyPlanner {

    private BodyPlanner() {
    }

    /** Empty when the operation has no body; throws {@link Unmappable} when it has one a tool cannot send. */
    static Optional<BodyPlan> plan(SchemaDocument document, OperationRef op, String overrideMediaType,
                                   List<String> preference) {
        JsonNode raw = op.operation().get("requestBody");
        if (raw == null || raw.isNull()) {
            return Optional.empty();
        }
        JsonNode body = OperationWalker.resolve(document, raw);
        JsonNode content = body.path("content");
        List<String> declared = new ArrayList<>();
        content.properties().forEach(e -> declared.add(e.getKey()));
        if (declared.isEmpty()) {
            throw new Unmappable("request body declares no media type");
        }
        String chosen;
        if (overrideMediaType != null) {
            chosen = declared.stream().filter(d -> MediaTypes.essence(d).equals(MediaTypes.essence(overrideMediaType)))
                    .findFirst().orElseThrow(() -> new Unmappable("override media type " + overrideMediaType
                            + " is not declared; declared: " + declared));
        } else {
            chosen = MediaTypes.choose(declared, preference).orElseThrow();
        }
        JsonNode mediaType = content.get(chosen);
        JsonNode schema = mediaType.get("schema");
        String essence = MediaTypes.essence(chosen);
        if ((schema == null || schema.isEmpty()) && !MediaTypes.isBinary(essence) && !MediaTypes.isText(essence)) {
            throw new Unmappable("request body " + chosen + " has no schema, so its arguments are unknown");
        }
        // a wildcard cannot be sent as a Content-Type; JSON is the reasonable reading of */* or application/*
        String sent = !chosen.contains("*") ? chosen : schema == null ? "application/octet-stream" : "application/json";
        JsonNode hint = body.get("x-codegen-request-body-name");
        return Optional.of(new BodyPlan(sent, schema, mediaType.path("encoding"), body.path("required")
                .asBoolean(false), hint != null && hint.isTextual() ? hint.asText() : null,
                body.path("description").asText(null)));
    }

    /** An operation whose body a tool cannot carry; becomes a skip with this message. */
    static final class Unmappable extends RuntimeException {
        Unmappable(String reason) {
            super(reason, null, false, false);
        }
    }
}
