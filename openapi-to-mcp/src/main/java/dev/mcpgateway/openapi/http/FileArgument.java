package dev.mcpgateway.openapi.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The argument shape for a file (a binary multipart part, or a binary WHOLE body): either a plain base64 string,
 * or an object {@code {"content": base64, "filename": "...", "contentType": "..."}}. The importer puts
 * {@link #schema(String)} in the inputSchema for such an argument.
 */
public final class FileArgument {

    public static final String CONTENT = "content";
    public static final String FILENAME = "filename";
    public static final String CONTENT_TYPE = "contentType";

    private FileArgument() {
    }

    /** The JSON Schema (2020-12) of a file argument, as the Map form McpSchema.Tool uses. */
    public static Map<String, Object> schema(String description) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CONTENT, Map.of("type", "string", "contentEncoding", "base64",
                "description", "the file's bytes, base64 encoded"));
        properties.put(FILENAME, Map.of("type", "string", "description", "the file name sent to the API"));
        properties.put(CONTENT_TYPE, Map.of("type", "string", "description", "the file's media type"));
        object.put("properties", properties);
        object.put("required", List.of(CONTENT));
        Map<String, Object> schema = new LinkedHashMap<>();
        if (description != null && !description.isBlank()) {
            schema.put("description", description);
        }
        schema.put("anyOf", List.of(Map.of("type", "string", "contentEncoding", "base64"), object));
        return schema;
    }
}
