package dev.mcpgateway.gateway.compact;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three tools of compact mode, whatever the API's size. */
final class CompactTools {

    static final String SEARCH = "search_operations";
    static final String DESCRIBE = "describe_operation";
    static final String INVOKE = "invoke_operation";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private CompactTools() {
    }

    static List<McpSchema.Tool> definitions(String apiTitle) {
        String api = apiTitle == null ? "the API" : "the " + apiTitle + " API";
        return List.of(
                McpSchema.Tool.builder().name(SEARCH)
                        .description("Search the operations of " + api + " by keywords (matched against names, "
                                + "descriptions, paths and tags). Returns operation names to pass to "
                                + DESCRIBE + " and " + INVOKE + ".")
                        .inputSchema(schema(Map.of(
                                "query", Map.of("type", "string", "description", "Keywords; empty lists operations"),
                                "limit", Map.of("type", "integer", "minimum", 1, "maximum", MAX_LIMIT,
                                        "default", DEFAULT_LIMIT)), List.of()))
                        .annotations(new McpSchema.ToolAnnotations("Search operations", true, false, true, false, null))
                        .build(),
                McpSchema.Tool.builder().name(DESCRIBE)
                        .description("Describe one operation of " + api + ": what it does and the JSON Schema of "
                                + "the arguments " + INVOKE + " expects for it.")
                        .inputSchema(schema(Map.of("operation", Map.of("type", "string",
                                "description", "An operation name from " + SEARCH)), List.of("operation")))
                        .annotations(new McpSchema.ToolAnnotations("Describe operation", true, false, true, false,
                                null))
                        .build(),
                McpSchema.Tool.builder().name(INVOKE)
                        .description("Call one operation of " + api + " with arguments matching the schema from "
                                + DESCRIBE + ".")
                        .inputSchema(schema(Map.of(
                                "operation", Map.of("type", "string", "description", "An operation name"),
                                "arguments", Map.of("type", "object", "description", "The operation's arguments")),
                                List.of("operation")))
                        .build());
    }

    private static Map<String, Object> schema(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new java.util.TreeMap<>(properties));
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
