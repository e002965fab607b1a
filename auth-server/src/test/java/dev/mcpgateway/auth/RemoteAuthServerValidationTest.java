package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.TokenCheck;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gateway using a separately running authorization server validates its tokens through the published JWKS over
 * HTTP, and picks up a rotated key without restarting.
 */
class RemoteAuthServerValidationTest {

    @Test
    void tokensOfARemoteAuthServerValidateThroughItsJwksAcrossKeyRotation() {
        try (AuthServerHarness authServer = AuthServerHarness.start();
             ApplicationContext gateway = ApplicationContext.run(Map.of("gateway.auth.remote-issuer", authServer.issuer()))) {
            AccessTokenValidator validator = gateway.getBean(AccessTokenValidator.class);
            JsonNode tokens = authServer.client().loginAndRedeem("oid-remote");
            assertInstanceOf(TokenCheck.Accepted.class, validator.check(
                    "Bearer " + tokens.get("access_token").asText(), authServer.weatherUrl(), List.of("mcp:weather")));

            authServer.context().getBean(SigningKeys.class).rotateNow();
            JsonNode afterRotation = authServer.client().loginAndRedeem("oid-remote-2");
            assertInstanceOf(TokenCheck.Accepted.class, validator.check(
                    "Bearer " + afterRotation.get("access_token").asText(), authServer.weatherUrl(), List.of()));
            assertInstanceOf(TokenCheck.Unauthenticated.class, validator.check(
                    "Bearer " + tokens.get("access_token").asText(), authServer.ticketsUrl(), List.of()));
        }
    }
}
