package dev.mcpgateway.gateway.mcp.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Session ids: 192 random bits, URL-safe Base64 -- visible ASCII only, unguessable. */
public final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {
    }

    public static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
