package dev.mcpgateway.auth.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auth server's own failures (state store, upstream provider, delegation) rendered as OAuth
 * {@code temporarily_unavailable}; the cause goes to the log, never to the client.
 */
public final class TemporarilyUnavailable {

    private static final Logger LOG = LoggerFactory.getLogger(TemporarilyUnavailable.class);

    private TemporarilyUnavailable() {
    }

    public static HttpResponse<?> render(HttpRequest<?> request, RuntimeException exception) {
        LOG.error("{} {} failed: {}", request.getMethod(), request.getPath(), exception.getMessage(), exception);
        return OAuthResponses.noStore(HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "temporarily_unavailable",
                        "error_description", "the authorization server is temporarily unavailable")));
    }
}
