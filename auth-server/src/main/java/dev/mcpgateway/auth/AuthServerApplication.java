package dev.mcpgateway.auth;

import io.micronaut.runtime.Micronaut;

/**
 * The authorization server on its own (by default it runs inside the gateway). Configure it with
 * {@code gateway.auth.*} (environment, system properties or a config file named by MICRONAUT_CONFIG_FILES) and point
 * gateways at it with {@code gateway.auth.remote-issuer}.
 */
public final class AuthServerApplication {

    private AuthServerApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(AuthServerApplication.class).start();
    }
}
