package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** An RFC 9457 problem, the admin API's one error shape. */
public record Problem(int status, String title, String detail) {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    public static Problem notFound(String what, String id) {
        return new Problem(404, "Not Found", what + " '" + id + "' does not exist");
    }

    public MutableHttpResponse<byte[]> toResponse() {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        try {
            return HttpResponse.<byte[]>status(HttpStatus.valueOf(status)).contentType(MEDIA_TYPE)
                    .body(JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown by admin handlers; rendered by {@link AdminSupport#guard}. */
    public static final class Failure extends RuntimeException {
        private final transient Problem problem;

        public Failure(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
