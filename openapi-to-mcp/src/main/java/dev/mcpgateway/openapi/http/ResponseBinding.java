package dev.mcpgateway.openapi.http;

/**
 * How an HTTP response becomes a tool result.
 *
 * @param wrapTopLevelArray true when the tool's outputSchema wraps a top-level array response as
 *                          {@code {"result": [...]}}; structuredContent is then wrapped the same way
 * @param maxResponseBytes  bodies beyond this are cut and flagged as truncated (the gateway should also stop
 *                          reading there)
 * @param maxErrorExcerpt   characters of an error body quoted in an isError result
 */
public record ResponseBinding(boolean wrapTopLevelArray, int maxResponseBytes, int maxErrorExcerpt) {

    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_ERROR_EXCERPT = 2000;

    public ResponseBinding {
        if (maxResponseBytes <= 0 || maxErrorExcerpt <= 0) {
            throw new IllegalArgumentException("response limits must be positive");
        }
    }

    public static ResponseBinding defaults() {
        return new ResponseBinding(false, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_ERROR_EXCERPT);
    }

    public static ResponseBinding wrappingArrays() {
        return new ResponseBinding(true, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_ERROR_EXCERPT);
    }
}
