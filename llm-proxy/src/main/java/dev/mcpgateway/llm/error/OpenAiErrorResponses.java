package dev.mcpgateway.llm.error;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.Map;

/** The one renderer of {@link OpenAiError}s onto the proxy's HTTP surface. */
public final class OpenAiErrorResponses {

    private OpenAiErrorResponses() {
    }

    public static MutableHttpResponse<byte[]> render(OpenAiError error) {
        return render(error, Map.of());
    }

    public static MutableHttpResponse<byte[]> render(OpenAiError error, Map<String, String> headers) {
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(error.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(error.toJson());
        headers.forEach(response::header);
        return response;
    }
}
