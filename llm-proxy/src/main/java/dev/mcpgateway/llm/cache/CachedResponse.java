package dev.mcpgateway.llm.cache;

import java.util.Arrays;
import java.util.Objects;

/**
 * A response as the client received it.
 *
 * @param status      HTTP status; only 2xx is ever stored
 * @param contentType the response content type ({@code application/json} or {@code text/event-stream})
 * @param body        the exact bytes relayed (a whole SSE stream for streamed calls)
 * @param complete    false for a stream that was cut (no {@code [DONE]}); such a response is never stored
 */
public record CachedResponse(int status, String contentType, byte[] body, boolean complete) {

    public CachedResponse {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    /** A copy, so the cache's bytes can never be changed by the caller. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether a cache may keep this response: a complete 2xx answer. */
    public boolean storable() {
        return complete && status >= 200 && status < 300;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachedResponse r && status == r.status && complete == r.complete
                && contentType.equals(r.contentType) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, complete, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "CachedResponse[status=" + status + ", contentType=" + contentType + ", bytes=" + body.length
                + ", complete=" + complete + "]";
    }
}
