package dev.mcpgateway.gateway.execution;

import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.NoCredential;
import dev.mcpgateway.openapi.http.BackendTarget;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the gateway calls one API, fixed by the administrator when the API is registered.
 *
 * @param target           base URL override and server variables
 * @param credential       what the gateway adds to every request
 * @param timeout          for the whole exchange, connect to last body byte
 * @param maxResponseBytes reading stops here and the result is marked truncated
 */
public record ApiBackend(BackendTarget target, BackendCredential credential, Duration timeout, int maxResponseBytes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    public ApiBackend {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || maxResponseBytes <= 0) {
            throw new IllegalArgumentException("timeout and maxResponseBytes must be positive");
        }
    }

    public static ApiBackend anonymous(BackendTarget target) {
        return new ApiBackend(target, NoCredential.INSTANCE, DEFAULT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);
    }
}
