package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.jwk.RSAKey;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.store.FileAuthStateStore;
import dev.mcpgateway.auth.store.seal.StoreSealing;
import dev.mcpgateway.auth.upstream.UpstreamTokenVault;
import dev.mcpgateway.auth.upstream.UpstreamTokens;
import dev.mcpgateway.testsupport.RedisServerFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the auth store (private signing keys, users' upstream tokens) are sealed with AES-256-GCM before they
 * reach disk or Redis: after a real brokered login the stored bytes contain neither. A wrong key stops start-up with
 * the setting named; records an earlier version wrote in clear are still read, and the permanent ones get sealed at
 * start-up. Nothing else is written at start-up: the generated key appears with the first stored secret.
 */
class SecretsSealedAtRestTest {

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The clear secrets this instance holds after a login of {@code objectId}. */
    private static List<String> secretsOf(AuthServerHarness harness, String objectId) {
        UpstreamTokens tokens = harness.context().getBean(UpstreamTokenVault.class).find(objectId).orElseThrow();
        RSAKey key = harness.context().getBean(SigningKeys.class).current();
        List<String> secrets = new ArrayList<>();
        for (String s : new String[] {tokens.accessToken(), tokens.idToken(), tokens.refreshToken()}) {
            if (s != null) {
                secrets.add(s);
            }
        }
        secrets.add(key.getPrivateExponent().toString());
        secrets.add(key.getFirstPrimeFactor().toString());
        assertTrue(secrets.size() >= 3, "an upstream token and the private key parts");
        return secrets;
    }

    @Nested
    class OnTheFileStore {

        @Test
        void theStoredFilesHoldNeitherUpstreamTokensNorThePrivateKeyAndTheGeneratedKeyIsOwnerOnly() throws Exception {
            Logger log = (Logger) LoggerFactory.getLogger(StoreSealing.class);
            ListAppender<ILoggingEvent> captured = new ListAppender<>();
            captured.start();
            log.addAppender(captured);
            log.setLevel(ch.qos.logback.classic.Level.INFO);
            try (AuthServerHarness harness = AuthServerHarness.start()) {
                harness.client().loginAndRedeem("oid-sealed-file");
                List<String> secrets = secretsOf(harness, "oid-sealed-file");
                Path keyFile = harness.dataDir().resolve("store.key");
                int sealedRecords = 0;
                try (Stream<Path> files = Files.walk(harness.dataDir())) {
                    for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(keyFile)).toList()) {
                        String bytes = Files.readString(file, StandardCharsets.ISO_8859_1);
                        for (String secret : secrets) {
                            assertFalse(bytes.contains(secret), file + " holds a secret in clear");
                        }
                        sealedRecords += bytes.contains("sealed:v1:") ? 1 : 0;
                    }
                }
                assertTrue(sealedRecords >= 3, "signing keys, cookie key and upstream tokens are sealed records");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
                String key = Files.readString(keyFile).strip();
                assertTrue(captured.list.stream().anyMatch(e -> e.getFormattedMessage().contains("generated now in")
                        && e.getFormattedMessage().contains(keyFile.toString())), "a start-up line says so");
                assertTrue(captured.list.stream().noneMatch(e -> e.getFormattedMessage().contains(key)),
                        "the key itself is never logged");
            } finally {
                log.detachAppender(captured);
                log.setLevel(null);
            }
        }

        @Test
        void aWrongKeyStopsStartUpNamingTheSettingAndAMalformedOneToo() throws Exception {
            Path dir = Files.createTempDirectory("sealed-auth");
            String right = newKey();
            try (AuthServerHarness harness = AuthServerHarness.start(Map.of("gateway.auth.data-dir", dir.toString(),
                    "gateway.auth.store-key", right))) {
                harness.context().getBean(SigningKeys.class).current();
            }
            String wrong = newKey();
            Exception refused = assertThrows(Exception.class, () -> AuthServerHarness.start(Map.of(
                    "gateway.auth.data-dir", dir.toString(), "gateway.auth.store-key", wrong)).close());
            String message = messages(refused);
            assertTrue(message.contains("gateway.auth.store-key: the auth store's secrets were sealed with another key"),
                    message);
            assertFalse(message.contains(wrong) || message.contains(right), "no key in the message");

            Exception malformed = assertThrows(Exception.class, () -> AuthServerHarness.start(Map.of(
                    "gateway.auth.data-dir", dir.toString(), "gateway.auth.store-key", "c2hvcnQ=")).close());
            assertTrue(messages(malformed).contains("gateway.auth.store-key must be 32 bytes"), messages(malformed));

            // the right key still opens it
            try (AuthServerHarness again = AuthServerHarness.start(Map.of("gateway.auth.data-dir", dir.toString(),
                    "gateway.auth.store-key", right))) {
                assertEquals(1, again.context().getBean(SigningKeys.class).publicKeys().getKeys().size());
            }
        }

        @Test
        void recordsWrittenInClearByAnEarlierVersionAreReadAndThePermanentOnesGetSealed() throws Exception {
            Path dir = Files.createTempDirectory("clear-auth");
            FileAuthStateStore clear = new FileAuthStateStore(dir, Clock.systemUTC());
            String oldKid = new SigningKeys(clear, Clock.systemUTC(), Duration.ofDays(30), Duration.ofHours(1))
                    .current().getKeyID();
            UpstreamTokens oldTokens = new UpstreamTokens("upstream-at-in-clear", "upstream-rt-in-clear", null, 3600,
                    System.currentTimeMillis() / 1000);
            new UpstreamTokenVault(clear, Duration.ofDays(1)).keep("oid-old", oldTokens);
            assertTrue(clear.get("keys", "signing").orElseThrow().contains("\"d\""), "an old, clear record");

            try (AuthServerHarness harness = AuthServerHarness.start(Map.of("gateway.auth.data-dir", dir.toString()))) {
                assertTrue(clear.get("keys", "signing").orElseThrow().startsWith("sealed:v1:"),
                        "the clear signing keys were sealed at start-up");
                assertEquals(oldKid, harness.context().getBean(SigningKeys.class).current().getKeyID(),
                        "the old signing key is read and keeps signing");
                UpstreamTokens read = harness.context().getBean(UpstreamTokenVault.class).find("oid-old").orElseThrow();
                assertEquals("upstream-at-in-clear", read.accessToken());
                String jwks = harness.client().get(harness.issuer() + "/jwks").body();
                assertTrue(jwks.contains(oldKid), jwks);
            }
        }
    }

    @Nested
    class OnRedis {

        @Test
        void theStoredValuesHoldNeitherUpstreamTokensNorThePrivateKey() {
            try (RedisServerFixture redis = RedisServerFixture.start();
                 AuthServerHarness harness = AuthServerHarness.start(Map.of("gateway.auth.store", "redis",
                         "redis.uri", redis.uri(), "gateway.auth.store-key", newKey()))) {
                harness.client().loginAndRedeem("oid-sealed-redis");
                List<String> secrets = secretsOf(harness, "oid-sealed-redis");
                RedisClient client = RedisClient.create(redis.uri());
                try (StatefulRedisConnection<String, String> connection = client.connect()) {
                    List<String> keys = connection.sync().keys("mcpgw:auth:*");
                    int sealed = 0;
                    for (String key : keys) {
                        String value = connection.sync().get(key);
                        for (String secret : secrets) {
                            assertFalse(value.contains(secret), key + " holds a secret in clear");
                        }
                        sealed += key.startsWith("mcpgw:auth:upstream-tokens:") || key.startsWith("mcpgw:auth:keys:")
                                ? (value.startsWith("sealed:v1:") ? 1 : 0) : 0;
                    }
                    assertTrue(sealed >= 3, "signing keys, cookie key and upstream tokens are sealed: " + keys);
                } finally {
                    client.shutdown();
                }
                try (Stream<Path> files = Files.walk(harness.dataDir())) {
                    assertEquals(0, files.filter(Files::isRegularFile).count(), "a configured key: no key file");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
