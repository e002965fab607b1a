package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
            if (binding.structuredOutput()) {
                // the spec promised a JSON body on success; a client refuses a success without structuredContent
                return new CallToolResult(List.of(new TextContent("The API answered " + response.status()
                        + " with an empty body; this tool's output schema expects a JSON object, so there is no "
                        + "result to return.")), true, null, meta);
            }
            return new CallToolResult(List.of(), false, null, meta);
        }
        String essence = contentType.isBlank() ? sniff(body) : essence(contentType);
        List<Content> content = new ArrayList<>();
        Object structured = null;
        String mismatch = null;
        if (MediaKind.of(essence) == MediaKind.JSON) {
            // A cut JSON document does not parse; the model still gets the part that arrived, as text.
            // Plain Java values, not a tree: structuredContent needs them and the compact text is written from them.
            Optional<Object> json = truncated ? Optional.empty() : parseValue(body);
            if (json.isPresent()) {
                structured = structured(json.get(), binding);
                content.add(new TextContent(JsonValues.json(json.get())));
                mismatch = structured == null ? "it is a JSON " + jsonKind(json.get()) + ", not an object" : null;
            } else {
                content.add(new TextContent(text(body, contentType)));
                mismatch = truncated ? "it was cut at the size limit of " + body.length + " bytes"
                        : "it is not valid JSON";
            }
        } else {
            mismatch = "it is " + (essence.isEmpty() ? "binary data without a Content-Type" : essence)
                    + " (" + bytes(body.length) + "), not JSON";
            if (essence.startsWith("image/") && !truncated) {
                content.add(new McpSchema.ImageContent(null, Base64.getEncoder().encodeToString(body), essence));
            } else if (essence.startsWith("audio/") && !truncated) {
                content.add(new McpSchema.AudioContent(null, Base64.getEncoder().encodeToString(body), essence));
            } else if (isText(essence)) {
                content.add(new TextContent(text(body, contentType)));
            } else if (!truncated) {
                String type = essence.isEmpty() ? "application/octet-stream" : essence;
                // clients that do not show embedded resources still tell the model what came back
                content.add(new TextContent("The API answered " + bytes(body.length) + " of " + type
                        + ", attached as a resource."));
                content.add(new McpSchema.EmbeddedResource(null,
                        new McpSchema.BlobResourceContents(BODY_URI, type, Base64.getEncoder().encodeToString(body))));
            }
        }
        if (truncated) {
            content.add(new TextContent(truncationNote(essence, body.length)));
        }
        if (binding.structuredOutput() && structured == null) {
            // MCP clients refuse a success result without structuredContent from a tool with an outputSchema
            content.addFirst(new TextContent("The API's answer does not match this tool's output schema: " + mismatch
                    + ". What it sent follows."));
            return new CallToolResult(content, true, null, meta);
        }
        return new CallToolResult(content, false, structured, meta);
    }

    private static String bytes(int count) {
        return count == 1 ? "1 byte" : count + " bytes";
    }

    private static String jsonKind(Object json) {
        return json instanceof List<?> ? "array" : json instanceof String ? "string"
                : json instanceof Boolean ? "boolean" : json == NULL ? "null" : "number";
    }

    /** MCP structuredContent is an object: objects go as they are, arrays only when the outputSchema wraps them. */
    private static Object structured(Object json, ResponseBinding binding) {
        if (json instanceof Map<?, ?>) {
            return json;
        }
        if (json instanceof List<?> && binding.wrapTopLevelArray()) {
            return Map.of("result", json);
        }
        return null;
    }

    /** The parsed document (which may be JSON null), or empty when the bytes are not JSON. */
    private static Optional<Object> parseValue(byte[] body) {
        try {
            return Optional.ofNullable(JsonValues.MAPPER.readValue(body, Object.class)).or(() -> Optional.of(NULL));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static final Object NULL = com.fasterxml.jackson.databind.node.NullNode.getInstance();

    private static String truncationNote(String essence, int kept) {
        return essence.startsWith("text/") || MediaKind.of(essence) == MediaKind.JSON || isText(essence)
                ? "[response truncated after " + kept + " bytes]"
                : "[the " + (essence.isEmpty() ? "binary" : essence) + " response exceeded the size limit of "
                + kept + " bytes and was not returned]";
    }

    /** APIs that omit Content-Type mostly send JSON or text; say so rather than hand the model an opaque blob. */
    private static String sniff(byte[] body) {
        if (parseValue(body).isPresent()) {
            return "application/json";
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            decoder.decode(java.nio.ByteBuffer.wrap(body));
            return "text/plain";
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
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
