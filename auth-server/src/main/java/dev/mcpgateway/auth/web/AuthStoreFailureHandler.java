package dev.mcpgateway.auth.web;

import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.store.AuthStoreException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** {@link AuthStoreException} as a generic 503 {@code temporarily_unavailable}. */
@Produces
@Singleton
@Requires(property = AuthServerConfig.ISSUER)
public class AuthStoreFailureHandler implements ExceptionHandler<AuthStoreException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, AuthStoreException exception) {
        return TemporarilyUnavailable.render(request, exception);
    }
}
