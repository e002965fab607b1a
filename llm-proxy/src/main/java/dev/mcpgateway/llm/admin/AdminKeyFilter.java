package dev.mcpgateway.llm.admin;

import dev.mcpgateway.auth.backend.Secret;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Guards the LLM admin routes when the proxy runs on its own, with the gateway's rule: the key from
 * {@code gateway.admin.key} (or {@code GATEWAY_ADMIN_KEY}) as {@code Authorization: Bearer} or {@code api-key}.
 * Inside the gateway process the gateway's own admin filter guards all of {@code /admin}, so this one stands down.
 * With no key configured the LLM admin routes are closed.
 */
@ServerFilter({"/admin/backends/**", "/admin/backends", "/admin/backend-pools/**", "/admin/backend-pools",
        "/admin/llm-routes/**", "/admin/llm-routes", "/admin/products/**", "/admin/products",
        "/admin/subscriptions/**", "/admin/subscriptions"})
@Requires(missingClasses = "dev.mcpgateway.gateway.admin.AdminKeyFilter")
public final class AdminKeyFilter {

    private final Secret key;

    public AdminKeyFilter(@Nullable @Value("${gateway.admin.key:}") String key) {
        this.key = key == null || key.isBlank() ? null : Secret.of(key);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : request.getHeaders().get("api-key");
        if (key != null && presented != null && key.equals(Secret.of(presented))) {
            return null;
        }
        return new Problem(401, "Unauthorized", key == null
                ? "The admin API is closed: set gateway.admin.key (or GATEWAY_ADMIN_KEY)."
                : "The admin API needs the admin key as 'Authorization: Bearer <key>' or an 'api-key' header.")
                .toResponse().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"admin\"");
    }
}
