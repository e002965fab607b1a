package dev.mcpgateway.openapi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.openapi.ImportResult;
import dev.mcpgateway.openapi.ToolDefinition;

/**
 * {@code {"tools": [...tools/list form...], "skipped": [{operation, reason}], "warnings": [{code, message,
 * operationCount, operations, fix}]}}: warnings grouped as in {@link ImportResult#report()}.
 */
final class JsonListing {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonListing() {
    }

    static String render(ImportResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode tools = root.putArray("tools");
        for (ToolDefinition tool : result.tools()) {
            tools.add(MAPPER.valueToTree(tool.tool()));
        }
        ArrayNode skipped = root.putArray("skipped");
        result.skipped().forEach(s -> skipped.addObject().put("operation", s.operation()).put("reason", s.reason()));
        ArrayNode warnings = root.putArray("warnings");
        result.report().forEach(w -> warnings.add(MAPPER.valueToTree(w.summary())));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
