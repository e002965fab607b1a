package dev.mcpgateway.auth.web;

import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.resource.CorsPolicy;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;

/**
 * CORS for the endpoints browser-based clients (MCP Inspector) call directly: discovery, {@code /token},
 * {@code /register}, {@code /revoke}, {@code /jwks}. Answers preflights itself; the interactive endpoints
 * ({@code /authorize}, {@code /consent}, {@code /callback}) are navigations and get no CORS.
 */
@ServerFilter({"/.well-known/**", "/token", "/register", "/revoke", "/jwks"})
@Requires(property = AuthServerConfig.ISSUER)
public class OAuthCorsFilter {

    @RequestFilter
    @Nullable
    public HttpResponse<?> preflight(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.OPTIONS
                && request.getHeaders().contains("Access-Control-Request-Method")) {
            MutableHttpResponse<?> response = HttpResponse.noContent();
            CorsPolicy.preflightHeaders(request.getHeaders().get("Origin")).forEach(response::header);
            return response;
        }
        return null;
    }

    @ResponseFilter
    public void decorate(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() != HttpMethod.OPTIONS || !request.getHeaders().contains("Access-Control-Request-Method")) {
            Map<String, String> headers = CorsPolicy.responseHeaders(request.getHeaders().get("Origin"));
            headers.forEach(response::header);
        }
    }
}
