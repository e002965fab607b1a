package dev.mcpgateway.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Lets a request into {@code /admin} only as {@link AdminAccess} decides: with the admin key, as
 * {@code Authorization: Bearer <key>} or as an {@code api-key} header (the header Azure tooling sends), or with an
 * admin access token of the gateway's own authorization server. A refusal is problem+json with its challenge.
 */
@ServerFilter({"/admin", "/admin/**"})
public final class AdminKeyFilter {

    private final AdminAccess access;

    public AdminKeyFilter(AdminAccess access) {
        this.access = access;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING) // a token check may read revocations from the store
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        AdminAccess.Verdict verdict = access.check(request.getHeaders().get(HttpHeaders.AUTHORIZATION),
                request.getHeaders().get("api-key"));
        if (!(verdict instanceof AdminAccess.Verdict.Refuse refuse)) {
            return null;
        }
        Problem problem = refuse.status() == 403
                ? Problem.of(HttpStatus.FORBIDDEN, "Forbidden", "The access token does not carry the admin scope.")
                : Problem.of(HttpStatus.UNAUTHORIZED, "Unauthorized", access.resource().isEmpty()
                        ? "The admin API needs the admin key as 'Authorization: Bearer <key>' or an 'api-key' header."
                        : "The admin API needs the admin key as 'Authorization: Bearer <key>' or an 'api-key' header,"
                                + " or an admin access token of this gateway.");
        return problem.toResponse().header(HttpHeaders.WWW_AUTHENTICATE, refuse.challenge());
    }
}
