package dev.mcpgateway.gateway.policy.identity;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.mcpgateway.auth.discovery.ProviderDiscovery;
import dev.mcpgateway.auth.discovery.RemoteKeySets;
import java.io.IOException;
import java.net.URI;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenID Provider named by its configuration URL ({@code <openid-config url>}): its issuer and signing keys. The
 * configuration is read at the first call that needs it (a gateway starts without reaching any provider) and again
 * after an hour; its keys are {@link RemoteKeySets}, refetched when a token names an unknown key. A provider that
 * cannot be read is not asked again for {@link #RETRY_AFTER}, so that a failing provider costs each call nothing
 * but the refusal.
 */
final class OpenIdProvider {

    static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final Duration REREAD_AFTER = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(OpenIdProvider.class);

    private final URI configuration;
    // a lock rather than synchronized: callers run on virtual threads, which must not pin a carrier while waiting
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Configuration current;
    private volatile Instant nextAttempt = Instant.MIN;

    private record Configuration(String issuer, URI jwksUri, JWSKeySelector<SecurityContext> keys,
                                 Instant rereadAt) {
    }

    OpenIdProvider(URI configuration) {
        this.configuration = configuration;
    }

    /** The issuer the provider names, or null while its configuration cannot be read. */
    String issuer() {
        Configuration known = configuration();
        return known == null ? null : known.issuer();
    }

    /** The provider's keys that may have signed a token with this header; none while they cannot be read. */
    List<? extends Key> keys(JWSHeader header) {
        Configuration known = configuration();
        if (known == null) {
            return List.of();
        }
        try {
            return known.keys().selectJWSKeys(header, null);
        } catch (RateLimitReachedException e) {
            // tokens naming key ids the provider never published; refetching is what the limit spares
            LOG.debug("The signing keys at {} were fetched too recently to fetch again", known.jwksUri());
            return List.of();
        } catch (KeySourceException e) {
            LOG.warn("The signing keys at {} could not be read ({})", known.jwksUri(), e.getClass().getSimpleName());
            return List.of();
        }
    }

    private Configuration configuration() {
        Configuration known = current;
        Instant now = Instant.now();
        if (known != null && now.isBefore(known.rereadAt()) || now.isBefore(nextAttempt)) {
            return known;
        }
        reading.lock();
        try {
            known = current;
            if (known != null && now.isBefore(known.rereadAt()) || now.isBefore(nextAttempt)) {
                return known;
            }
            current = read(known, now);
            return current;
        } finally {
            reading.unlock();
        }
    }

    /** The configuration as the provider gives it now; the one known so far when it cannot be read. */
    private Configuration read(Configuration known, Instant now) {
        try {
            OIDCProviderMetadata metadata = ProviderDiscovery.fetch(configuration);
            URI jwksUri = metadata.getJWKSetURI();
            if (jwksUri == null) {
                throw new ParseException("no jwks_uri");
            }
            // the same key set keeps its cache: only a provider that moved its keys starts afresh
            JWSKeySelector<SecurityContext> keys = known != null && known.jwksUri().equals(jwksUri) ? known.keys()
                    : new JWSVerificationKeySelector<>(TokenKeys.ASYMMETRIC, RemoteKeySets.at(jwksUri.toURL()));
            return new Configuration(metadata.getIssuer().getValue(), jwksUri, keys, now.plus(REREAD_AFTER));
        } catch (IOException | ParseException | IllegalArgumentException e) {
            nextAttempt = now.plus(RETRY_AFTER);
            LOG.warn("The OpenID configuration at {} could not be read ({}); tokens are checked against what was"
                    + " read before, if anything", configuration, e.getClass().getSimpleName());
            return known;
        }
    }
}
