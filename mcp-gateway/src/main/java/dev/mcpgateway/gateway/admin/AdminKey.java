package dev.mcpgateway.gateway.admin;

import dev.mcpgateway.auth.backend.Secret;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that guards {@code /admin}. From {@code GATEWAY_ADMIN_KEY} or {@code gateway.admin.key}; when neither is
 * set a random key is made, and shown once on the console at start-up (never in the log).
 *
 * @param value     the key
 * @param generated true when it was made up at start-up and must be shown to the operator
 */
public record AdminKey(Secret value, boolean generated) {

    public static AdminKey resolve(Optional<String> configured) {
        return configured.filter(k -> !k.isBlank())
                .map(k -> new AdminKey(Secret.of(k), false))
                .orElseGet(AdminKey::random);
    }

    private static AdminKey random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new AdminKey(Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)), true);
    }

    public boolean matches(String presented) {
        return presented != null && value.equals(Secret.of(presented));
    }
}
