package dev.mcpgateway.auth.store.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets derived from the store key: stable for one key, distinct per name and per key, unlike their inputs. */
class DerivedSecretsTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("another-store-key-of-32-bytes!!!".getBytes());

    @Test
    void theSameKeyDerivesTheSameSecretOnEveryInstance(@TempDir Path one, @TempDir Path two) {
        assertEquals(StoreSealing.sealer(KEY_A, one).derive("subs", "team-a.primaryKey"),
                StoreSealing.sealer(KEY_A, two).derive("subs", "team-a.primaryKey"));
    }

    @Test
    void eachNameNamespaceAndKeyDerivesItsOwn(@TempDir Path dir) {
        String derived = StoreSealing.sealer(KEY_A, dir).derive("subs", "team-a.primaryKey");

        assertNotEquals(derived, StoreSealing.sealer(KEY_A, dir).derive("subs", "team-a.secondaryKey"));
        assertNotEquals(derived, StoreSealing.sealer(KEY_A, dir).derive("other", "team-a.primaryKey"));
        assertNotEquals(derived, StoreSealing.sealer(KEY_B, dir).derive("subs", "team-a.primaryKey"));
        assertTrue(derived.matches("[0-9a-f]{32}"), derived);
    }
}
