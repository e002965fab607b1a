package dev.mcpgateway.llm.consumer;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.BearerChallenge;
import dev.mcpgateway.auth.resource.ProtectedResourceMetadata;
import dev.mcpgateway.auth.resource.TokenCheck;
import dev.mcpgateway.auth.resource.TokenPrincipal;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a bearer that is not a subscription key as one of the gateway's own access tokens for the LLM API. The
 * validator bean only exists when an authorization server is configured; without one this is never consulted and
 * the proxy runs on subscription keys alone.
 */
@Singleton
public class GatewayTokens {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayTokens.class);

    private final BeanProvider<AccessTokenValidator> validator;
    private final GatewayTokenSettings settings;
    private final ProductRules products;
    private final String issuer;

    public GatewayTokens(BeanProvider<AccessTokenValidator> validator, GatewayTokenSettings settings,
                         ProductRules products, @Value("${gateway.auth.issuer:}") String issuer,
                         @Value("${gateway.auth.remote-issuer:}") String remoteIssuer) {
        this.validator = validator;
        this.settings = settings;
        this.products = products;
        String base = !issuer.isBlank() ? issuer : remoteIssuer;
        this.issuer = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Whether bearer tokens can be validated here at all. */
    public boolean enabled() {
        return settings.isEnabled() && !issuer.isBlank() && validator.isPresent();
    }

    /** The product of a token caller with these claims ({@code llm.auth.product-rules}, then {@code llm.auth.product}). */
    public Optional<String> product(Map<String, Object> claims) {
        return products.productFor(claims);
    }

    /** The LLM API as a protected resource: the audience its tokens carry and the scopes they need. */
    public ProtectedResource resource() {
        return new ProtectedResource("llm", settings.getResource().orElse(issuer + GatewayTokenSettings.DEFAULT_PATH),
                settings.getScopes());
    }

    /** The caller of a valid token; otherwise a 401 (or 403 for missing scopes) with a Bearer challenge. */
    public TokenPrincipal authenticate(String authorization) {
        ProtectedResource resource = resource();
        TokenCheck check = validator.get().check(authorization, resource.url(), resource.scopes());
        if (check instanceof TokenCheck.Accepted accepted) {
            return accepted.principal();
        }
        if (check instanceof TokenCheck.Unauthenticated u) {
            LOG.debug("LLM bearer refused: {}", u.reason()); // the reason stays in our logs, never the client
        }
        String challenge = BearerChallenge.forCheck(check,
                ProtectedResourceMetadata.metadataUrlFor(resource.url()), resource.scopes());
        OpenAiError error = BearerChallenge.statusFor(check) == 403
                ? OpenAiError.forbidden("The access token lacks the scopes this API needs.", "insufficient_scope")
                : OpenAiError.unauthorized("Access denied due to invalid subscription key or access token.");
        throw new OpenAiErrorException(error, Map.of("WWW-Authenticate", challenge));
    }

    /** The challenge for a call without any credential: where the resource metadata is, which scopes to ask for. */
    public String missingTokenChallenge() {
        ProtectedResource resource = resource();
        return BearerChallenge.missingToken(ProtectedResourceMetadata.metadataUrlFor(resource.url()), resource.scopes());
    }

    /** A claim as a counter key reads it: strings as they are, lists joined with commas. */
    public static Optional<String> claim(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof java.util.Collection<?> values) {
            return Optional.of(String.join(",", values.stream().map(String::valueOf).toList()));
        }
        return Optional.of(String.valueOf(value));
    }
}
