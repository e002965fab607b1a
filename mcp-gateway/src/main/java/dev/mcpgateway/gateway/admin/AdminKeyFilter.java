package dev.mcpgateway.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Lets a request into {@code /admin} only with the admin key, as {@code Authorization: Bearer <key>} or as an
 * {@code api-key} header (the header Azure tooling sends).
 */
@ServerFilter({"/admin", "/admin/**"})
public final class AdminKeyFilter {

    private final AdminKey key;

    public AdminKeyFilter(AdminKey key) {
        this.key = key;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String presented = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).strip();
        } else if (request.getHeaders().get("api-key") != null) {
            presented = request.getHeaders().get("api-key");
        }
        if (key.matches(presented)) {
            return null;
        }
        return Problem.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
                        "The admin API needs the admin key as 'Authorization: Bearer <key>' or an 'api-key' header.")
                .toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"admin\"");
    }
}
