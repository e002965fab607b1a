package dev.mcpgateway.llm.error;

/** Thrown inside the pipeline to stop a request with an OpenAI-style error; rendered by {@link OpenAiErrorResponses}. */
public final class OpenAiErrorException extends RuntimeException {

    private final transient OpenAiError error;

    public OpenAiErrorException(OpenAiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public OpenAiError error() {
        return error;
    }
}
