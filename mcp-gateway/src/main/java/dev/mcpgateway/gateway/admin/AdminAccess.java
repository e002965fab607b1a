package dev.mcpgateway.gateway.admin;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.BearerChallenge;
import dev.mcpgateway.auth.resource.ProtectedResourceMetadata;
import dev.mcpgateway.auth.resource.TokenCheck;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a request may use the admin API: the admin key ({@code Authorization: Bearer <key>} or
 * {@code api-key}), or an access token of the gateway's own authorization server for the admin resource,
 * {@code <issuer>/admin}, with the admin scope, issued to one of {@link AdminTokenSettings#getClients()}. A value in,
 * a verdict out: {@link AdminKeyFilter} renders it.
 */
@Singleton
public class AdminAccess {

    /** Let the request in, or refuse it with 401 or 403 and the {@code WWW-Authenticate} challenge to send. */
    public sealed interface Verdict {
        record Admit() implements Verdict {
        }

        record Refuse(int status, String challenge) implements Verdict {
        }
    }

    /** The admin API's path under the issuer: the audience of admin tokens. */
    public static final String PATH = "/admin";

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccess.class);
    private static final Verdict ADMIT = new Verdict.Admit();
    private static final String KEY_CHALLENGE = "Bearer realm=\"admin\"";

    private final AdminKey key;
    private final BeanProvider<AccessTokenValidator> validator;
    private final Optional<ProtectedResource> resource;

    public AdminAccess(AdminKey key, AdminTokenSettings settings, BeanProvider<AccessTokenValidator> validator,
                       @Value("${gateway.auth.issuer:}") String issuer) {
        this.key = key;
        this.validator = validator;
        List<String> clients = settings.getClients() == null ? List.of() : settings.getClients().stream()
                .map(String::strip).filter(c -> !c.isEmpty()).toList();
        // only the in-process authorization server: a remote one knows neither this resource nor its clients
        this.resource = issuer.isBlank() || clients.isEmpty() ? Optional.empty()
                : Optional.of(new ProtectedResource("admin", withoutTrailingSlash(issuer) + PATH,
                        List.of(settings.getScope()), clients));
    }

    /** The admin API as a resource of the authorization server; empty while admin tokens are not accepted. */
    public Optional<ProtectedResource> resource() {
        return resource;
    }

    /**
     * @param authorization the {@code Authorization} header (may be null)
     * @param apiKey        the {@code api-key} header (may be null)
     */
    public Verdict check(String authorization, String apiKey) {
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (key.matches(bearer ? authorization.substring(7).strip() : apiKey)) {
            return ADMIT;
        }
        if (resource.isEmpty() || !validator.isPresent()) {
            return new Verdict.Refuse(401, KEY_CHALLENGE);
        }
        ProtectedResource admin = resource.get();
        TokenCheck check = validator.get().check(authorization, admin.url(), admin.scopes());
        if (check instanceof TokenCheck.Accepted accepted) {
            if (admin.admits(accepted.principal().clientId())) {
                return ADMIT;
            }
            // a client taken off the list since its token was issued: valid, but no longer enough
            check = new TokenCheck.InsufficientScope(accepted.principal(), admin.scopes());
        }
        if (check instanceof TokenCheck.Unauthenticated refused && refused.tokenPresented()) {
            LOG.debug("admin token refused: {}", refused.reason()); // the reason stays in our logs
        }
        return new Verdict.Refuse(BearerChallenge.statusFor(check), BearerChallenge.forCheck(check,
                ProtectedResourceMetadata.metadataUrlFor(admin.url()), admin.scopes()));
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
