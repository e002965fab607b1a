package dev.mcpgateway.llm.consumer;

import dev.mcpgateway.auth.backend.Secret;
import java.security.SecureRandom;
import java.util.HexFormat;

/** New subscription keys: 16 random bytes as 32 hex characters, the shape of APIM keys. */
public final class Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    public static Secret generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Secret.of(HexFormat.of().formatHex(bytes));
    }
}
