package dev.mcpgateway.auth.resource;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.mcpgateway.auth.discovery.RemoteKeySets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/**
 * The validator for a gateway whose authorization server runs as a separate service
 * ({@code gateway.auth.remote-issuer}): keys come from the issuer's {@code /jwks} over HTTP, cached, refreshed on an
 * unknown key id, with timeouts. Revocation is then only as fast as token expiry unless both share Redis.
 */
@Factory
@Requires(property = RemoteAuthServerValidatorFactory.REMOTE_ISSUER)
@Requires(missingProperty = "gateway.auth.issuer")
public class RemoteAuthServerValidatorFactory {

    public static final String REMOTE_ISSUER = "gateway.auth.remote-issuer";

    @Singleton
    AccessTokenValidator remoteAccessTokenValidator(@Property(name = REMOTE_ISSUER) String issuer)
            throws MalformedURLException {
        JWKSource<SecurityContext> keys = RemoteKeySets.at(URI.create(issuer + "/jwks").toURL());
        return new AccessTokenValidator(issuer, keys, Duration.ofSeconds(60), AccessTokenValidator.RevocationCheck.NONE);
    }
}
