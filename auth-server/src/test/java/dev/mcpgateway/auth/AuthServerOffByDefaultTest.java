package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.auth.authorize.AuthorizeController;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.token.TokenController;
import dev.mcpgateway.auth.upstream.UpstreamLogin;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inside the gateway process the auth server must cost nothing until configured: no endpoints, no keys, no store,
 * no Redis, no call to an identity provider.
 */
class AuthServerOffByDefaultTest {

    @Test
    void withoutConfigurationNoAuthBeanExists() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertFalse(context.containsBean(TokenController.class));
            assertFalse(context.containsBean(AuthorizeController.class));
            assertFalse(context.containsBean(SigningKeys.class));
            assertFalse(context.containsBean(AccessTokenValidator.class));
        }
    }

    @Test
    void withAnIssuerButNoUpstreamItStartsWithoutTouchingTheNetworkOrDisk() throws Exception {
        Path data = Files.createTempDirectory("lazy").resolve("auth");
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "gateway.auth.issuer", "https://gw.contoso.example",
                "gateway.auth.data-dir", data.toString(),
                "gateway.auth.upstream.issuer", "https://idp.invalid"))) {
            assertTrue(context.containsBean(TokenController.class));
            assertFalse(context.containsBean(UpstreamLogin.class), "no upstream without a client id");
            assertFalse(Files.exists(data), "nothing is written before the first request");
            context.getBean(AuthStateStore.class);
        }
    }
}
