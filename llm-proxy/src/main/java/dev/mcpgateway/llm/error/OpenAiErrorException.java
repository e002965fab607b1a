package dev.mcpgateway.llm.error;

import java.util.Map;

/**
 * Thrown inside the pipeline to stop a request with an OpenAI-style error (and any headers it needs, such as
 * {@code Retry-After}); rendered by {@link OpenAiErrorResponses}.
 */
public final class OpenAiErrorException extends RuntimeException {

    private final transient OpenAiError error;
    private final transient Map<String, String> headers;

    public OpenAiErrorException(OpenAiError error) {
        this(error, Map.of());
    }

    public OpenAiErrorException(OpenAiError error, Map<String, String> headers) {
        super(error.message(), null, false, false);
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    public OpenAiError error() {
        return error;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
