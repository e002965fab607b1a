package dev.mcpgateway.llm.error;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** The one renderer of {@link OpenAiError}s onto the proxy's HTTP surface. */
public final class OpenAiErrorResponses {

    private OpenAiErrorResponses() {
    }

    public static MutableHttpResponse<byte[]> render(OpenAiError error) {
        return HttpResponse.<byte[]>status(io.micronaut.http.HttpStatus.valueOf(error.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(error.toJson());
    }
}
