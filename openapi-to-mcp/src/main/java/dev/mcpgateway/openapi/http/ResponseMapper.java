package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps a successful (2xx) backend response to a tool result; errors and redirects go to {@link ErrorResults}. */
final class ResponseMapper {

    /** Namespaced _meta key telling the client the body was cut at the size cap. */
    static final String TRUNCATED_META = "dev.mcpgateway/truncated";
    /** URI of the embedded resource holding a binary response body. */
    static final String BODY_URI = "response://body";

    private ResponseMapper() {
    }

    static CallToolResult map(HttpResponseData response, ResponseBinding binding) {
        byte[] body = response.body();
        boolean truncated = response.truncated();
        if (body.length > binding.maxResponseBytes()) {
            body = Arrays.copyOf(body, binding.maxResponseBytes());
            truncated = true;
        }
        String contentType = response.firstHeader("Content-Type").orElse("");
        if (response.status() >= 300 && response.status() != 304) {
            return ErrorResults.map(response.status(), response, contentType, body, binding);
        }
        Map<String, Object> meta = truncated ? Map.of(TRUNCATED_META, true) : null;
        if (body.length == 0) {
            return new CallToolResult(List.of(), false, null, meta);
        }
        String essence = essence(contentType);
        List<Content> content = new ArrayList<>();
        Object structured = null;
        if (MediaKind.of(essence) == MediaKind.JSON) {
            // A cut JSON document does not parse; the model still gets the part that arrived, as text.
            JsonNode json = truncated ? null : parse(body);
            if (json != null) {
                structured = structured(json, binding);
                content.add(new TextContent(JsonValues.json(json)));
            } else {
                content.add(new TextContent(text(body, contentType)));
            }
        } else if (essence.startsWith("image/") && !truncated) {
            content.add(new McpSchema.ImageContent(null, Base64.getEncoder().encodeToString(body), essence));
        } else if (isText(essence)) {
            content.add(new TextContent(text(body, contentType)));
        } else if (!truncated) {
            String type = essence.isEmpty() ? "application/octet-stream" : essence;
            content.add(new McpSchema.EmbeddedResource(null,
                    new McpSchema.BlobResourceContents(BODY_URI, type, Base64.getEncoder().encodeToString(body))));
        }
        if (truncated) {
            content.add(new TextContent(truncationNote(essence, body.length)));
        }
        return new CallToolResult(content, false, structured, meta);
    }

    /** MCP structuredContent is an object: objects go as they are, arrays only when the outputSchema wraps them. */
    private static Object structured(JsonNode json, ResponseBinding binding) {
        if (json.isObject()) {
            return JsonValues.MAPPER.convertValue(json, Map.class);
        }
        if (json.isArray() && binding.wrapTopLevelArray()) {
            return Map.of("result", JsonValues.MAPPER.convertValue(json, List.class));
        }
        return null;
    }

    private static String truncationNote(String essence, int kept) {
        return essence.startsWith("text/") || MediaKind.of(essence) == MediaKind.JSON || isText(essence)
                ? "[response truncated after " + kept + " bytes]"
                : "[the " + (essence.isEmpty() ? "binary" : essence) + " response exceeded the size limit of "
                + kept + " bytes and was not returned]";
    }

    static JsonNode parse(byte[] body) {
        try {
            return JsonValues.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static boolean isText(String essence) {
        return essence.startsWith("text/") || essence.endsWith("+xml") || essence.equals("application/xml")
                || essence.equals("application/javascript") || essence.equals("application/yaml")
                || essence.equals("application/x-yaml") || essence.equals("application/x-ndjson")
                || essence.equals("application/graphql") || essence.equals("application/sql");
    }

    static String text(byte[] body, String contentType) {
        return new String(body, BodyEncoder.charset(contentType));
    }

    static String essence(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
