package dev.mcpgateway.auth.harness;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.store.FileAuthStateStore;
import dev.mcpgateway.auth.token.AccessTokenIssuer;
import dev.mcpgateway.auth.token.Grant;
import dev.mcpgateway.auth.token.Identity;
import dev.mcpgateway.auth.token.Revocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The token issuing and validating pieces wired by hand (no server), for the resource-server tests. */
public final class LocalTokens {

    public static final String ISSUER = "https://gateway.contoso.example";
    public static final String WEATHER = ISSUER + "/mcp/weather";

    public final FileAuthStateStore store;
    public final SigningKeys keys;
    public final Revocations revocations;

    public LocalTokens() {
        try {
            store = new FileAuthStateStore(Files.createTempDirectory("tokens"), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys = new SigningKeys(store, Clock.systemUTC(), Duration.ofDays(30), Duration.ofHours(1));
        revocations = new Revocations(store, Duration.ofDays(1), Duration.ofHours(1));
    }

    public AccessTokenIssuer issuer(Clock clock, Duration lifetime) {
        return new AccessTokenIssuer(ISSUER, keys, clock, lifetime);
    }

    public String token(String subject, String audience, List<String> scopes) {
        return issuer(Clock.systemUTC(), Duration.ofHours(1)).issue(grant(subject, audience, scopes, "fam-" + subject));
    }

    public static Grant grant(String subject, String audience, List<String> scopes, String family) {
        return new Grant("client-1", new Identity(subject, "N " + subject, subject + "@contoso.example", "tid-1",
                List.of("g-1"), List.of("Reader")), audience, scopes, family);
    }

    public AccessTokenValidator validator() {
        return new AccessTokenValidator(ISSUER, new ImmutableJWKSet<SecurityContext>(keys.publicKeys()),
                Duration.ofSeconds(30), revocations);
    }
}
