package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.mcpgateway.auth.harness.LocalTokens;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.TokenCheck;
import dev.mcpgateway.auth.store.FileAuthStateStore;
import dev.mcpgateway.auth.token.AccessTokenIssuer;
import dev.mcpgateway.testsupport.ManualClock;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing keys rotate; a retired key stays in the JWKS until the tokens it signed have expired, then leaves. */
class SigningKeyRotationTest {

    @Test
    void tokensSignedBeforeRotationStillValidateAndTheOldKeyLeavesAfterTheirLifetime() throws Exception {
        ManualClock clock = new ManualClock();
        FileAuthStateStore store = new FileAuthStateStore(Files.createTempDirectory("keys"), clock);
        SigningKeys keys = new SigningKeys(store, clock, Duration.ofDays(30), Duration.ofHours(1));
        AccessTokenIssuer issuer = new AccessTokenIssuer(LocalTokens.ISSUER, keys, Clock.systemUTC(), Duration.ofHours(1));
        String oldKid = keys.current().getKeyID();
        String before = issuer.issue(LocalTokens.grant("alice", LocalTokens.WEATHER, List.of("mcp:weather"), "f"));

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        String newKid = keys.current().getKeyID();
        assertNotEquals(oldKid, newKid);
        assertEquals(2, keys.publicKeys().getKeys().size(), "the retired key is still served");
        AccessTokenValidator validator = new AccessTokenValidator(LocalTokens.ISSUER,
                new ImmutableJWKSet<SecurityContext>(keys.publicKeys()), Duration.ofSeconds(30), (j, f) -> false);
        assertInstanceOf(TokenCheck.Accepted.class, validator.check("Bearer " + before, LocalTokens.WEATHER, List.of()));

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertEquals(List.of(newKid), keys.publicKeys().getKeys().stream().map(k -> k.getKeyID()).toList());
    }

    @Test
    void aKeyRotatedOnDemandWithinTheSameSecondSignsAtOnceOnThisAndEveryInstance() throws Exception {
        ManualClock clock = new ManualClock();
        FileAuthStateStore store = new FileAuthStateStore(Files.createTempDirectory("keys"), clock);
        SigningKeys keys = new SigningKeys(store, clock, Duration.ofDays(30), Duration.ofHours(1));
        String oldKid = keys.current().getKeyID();
        // key creation times are whole seconds: the on-demand key ties with its predecessor and must still win
        String newKid = keys.rotateNow().getKeyID();
        assertEquals(newKid, keys.current().getKeyID());
        SigningKeys otherInstance = new SigningKeys(store, clock, Duration.ofDays(30), Duration.ofHours(1));
        assertEquals(newKid, otherInstance.current().getKeyID());
        assertEquals(List.of(newKid, oldKid), keys.describe().stream().map(SigningKeys.KeyInfo::kid).toList());
        assertEquals(2, keys.publicKeys().getKeys().size(), "the old key stays published");
    }

    @Test
    void keysArePersistedSoARestartKeepsValidatingIssuedTokens() throws Exception {
        var dir = Files.createTempDirectory("keys");
        SigningKeys first = new SigningKeys(new FileAuthStateStore(dir, Clock.systemUTC()), Clock.systemUTC(),
                Duration.ofDays(30), Duration.ofHours(1));
        String kid = first.current().getKeyID();
        SigningKeys afterRestart = new SigningKeys(new FileAuthStateStore(dir, Clock.systemUTC()), Clock.systemUTC(),
                Duration.ofDays(30), Duration.ofHours(1));
        assertEquals(kid, afterRestart.current().getKeyID());
    }
}
