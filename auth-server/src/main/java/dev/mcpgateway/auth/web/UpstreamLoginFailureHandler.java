package dev.mcpgateway.auth.web;

import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.upstream.UpstreamLoginException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** {@link UpstreamLoginException} as a generic 503 {@code temporarily_unavailable}. */
@Produces
@Singleton
@Requires(property = AuthServerConfig.ISSUER)
public class UpstreamLoginFailureHandler implements ExceptionHandler<UpstreamLoginException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, UpstreamLoginException exception) {
        return TemporarilyUnavailable.render(request, exception);
    }
}
