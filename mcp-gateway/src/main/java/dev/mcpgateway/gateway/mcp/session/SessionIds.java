package dev.mcpgateway.gateway.mcp.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Session ids: 192 random bits, URL-safe Base64 -- visible ASCII only, unguessable. */
final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {
    }

    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
