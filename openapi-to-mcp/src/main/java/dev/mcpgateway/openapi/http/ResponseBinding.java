package dev.mcpgateway.openapi.http;

import java.util.Objects;

/**
 * How the response is asked for and how it becomes a tool result.
 *
 * @param accept            the {@code Accept} header every request carries, compiled at import from the success
 *                          media types the operation declares (or pinned by the operator)
 * @param structuredOutput  true when the tool has an outputSchema: MCP clients then require structuredContent, so a
 *                          2xx answer that cannot provide it (another media type, a cut or unparseable body) is an
 *                          {@code isError} result that says why, never a result the client rejects
 * @param wrapTopLevelArray true when the tool's outputSchema wraps a top-level array response as
 *                          {@code {"result": [...]}}; structuredContent is then wrapped the same way
 * @param maxResponseBytes  bodies beyond this are cut and flagged as truncated (the gateway should also stop
 *                          reading there)
 * @param maxErrorExcerpt   characters of an error body quoted in an isError result
 */
public record ResponseBinding(String accept, boolean structuredOutput, boolean wrapTopLevelArray,
                              int maxResponseBytes, int maxErrorExcerpt) {

    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_ERROR_EXCERPT = 2000;
    /** The Accept of an operation that declares no response media type: JSON preferred, anything taken. */
    public static final String DEFAULT_ACCEPT = "application/json, */*;q=0.8";

    public ResponseBinding {
        Objects.requireNonNull(accept, "accept");
        if (maxResponseBytes <= 0 || maxErrorExcerpt <= 0) {
            throw new IllegalArgumentException("response limits must be positive");
        }
        if (wrapTopLevelArray && !structuredOutput) {
            throw new IllegalArgumentException("wrapping arrays only makes sense with an outputSchema");
        }
    }

    /** Text results only (no outputSchema), default caps and Accept. */
    public static ResponseBinding defaults() {
        return new ResponseBinding(DEFAULT_ACCEPT, false, false, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_ERROR_EXCERPT);
    }

    /** An outputSchema that wraps top-level arrays, default caps and Accept. */
    public static ResponseBinding wrappingArrays() {
        return new ResponseBinding(DEFAULT_ACCEPT, true, true, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_ERROR_EXCERPT);
    }
}
