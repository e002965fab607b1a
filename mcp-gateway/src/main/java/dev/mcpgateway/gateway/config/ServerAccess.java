package dev.mcpgateway.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How clients authenticate to one MCP server. Subscription keys are kept only as SHA-256 hashes ({@code sha256:<hex>}):
 * a key given in clear in the admin API or gateway.yml is hashed when read, so neither the store nor admin responses
 * ever hold it.
 *
 * @param mode    the declared mode; empty = the gateway's default (OAuth when the authorization server is on)
 * @param keyHashes the accepted subscription keys, hashed
 */
public record ServerAccess(Optional<Mode> mode, List<String> keyHashes) {

    public static final ServerAccess DEFAULT = new ServerAccess(Optional.empty(), List.of());
    static final String HASH_PREFIX = "sha256:";

    public ServerAccess {
        Objects.requireNonNull(mode, "mode");
        keyHashes = keyHashes == null ? List.of() : List.copyOf(keyHashes);
    }

    /** The ways a client may be let in. */
    public enum Mode {
        /** Bearer tokens of the gateway's authorization server, audience-bound to this server. */
        OAUTH("oauth"),
        /** A key in {@code api-key} or {@code Ocp-Apim-Subscription-Key}, as in Azure API Management. */
        SUBSCRIPTION_KEY("subscription-key"),
        /** Anyone: for local play only (a warning names the server at start-up). */
        NONE("none");

        private final String configName;

        Mode(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        public static Optional<Mode> parse(String text) {
            String wanted = text.toLowerCase(Locale.ROOT);
            for (Mode mode : values()) {
                if (mode.configName.equals(wanted)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /** A configured key, clear or already hashed, in its stored form. */
    public static String storedForm(String key) {
        return key.startsWith(HASH_PREFIX) ? key.toLowerCase(Locale.ROOT) : hash(key);
    }

    /** The stored form of a presented key, for comparison with {@link #keyHashes()}. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HASH_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code presented} is one of the keys; compares hashes in constant time. */
    public boolean acceptsKey(String presented) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        byte[] candidate = hash(presented.strip()).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String stored : keyHashes) {
            match |= MessageDigest.isEqual(candidate, stored.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    @Override
    public String toString() {
        return "ServerAccess[mode=" + mode.map(Mode::configName).orElse("default") + ", keys=" + keyHashes.size() + "]";
    }
}
