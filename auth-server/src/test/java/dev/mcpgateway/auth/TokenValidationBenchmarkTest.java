package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mcpgateway.auth.harness.LocalTokens;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.TokenCheck;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the per-request token check costs the gateway (RS256 verification, claims, revocation lookup in the file
 * store). Run with {@code -Pbench}; prints figures, asserts nothing about time.
 */
@Tag("bench")
class TokenValidationBenchmarkTest {

    @Test
    void tokenChecksPerSecond() {
        LocalTokens tokens = new LocalTokens();
        AccessTokenValidator validator = tokens.validator();
        AccessTokenValidator noRevocation = new AccessTokenValidator(LocalTokens.ISSUER,
                new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(tokens.keys.publicKeys()),
                java.time.Duration.ofSeconds(30), AccessTokenValidator.RevocationCheck.NONE);
        String header = "Bearer " + tokens.token("alice", LocalTokens.WEATHER, List.of("mcp:weather"));
        report("signature + claims", noRevocation, header);
        report("signature + claims + file-store revocation lookups (jti, family, client)", validator, header);
    }

    private static void report(String what, AccessTokenValidator validator, String header) {
        for (int i = 0; i < 2_000; i++) {
            validator.check(header, LocalTokens.WEATHER, List.of("mcp:weather"));
        }
        int n = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertInstanceOf(TokenCheck.Accepted.class, validator.check(header, LocalTokens.WEATHER, List.of("mcp:weather")));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH %s: %.0f checks/s, %.1f us/check (1 thread)%n", what, n / seconds, seconds * 1e6 / n);
    }
}
