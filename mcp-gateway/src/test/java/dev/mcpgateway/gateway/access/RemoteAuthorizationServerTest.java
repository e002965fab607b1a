package dev.mcpgateway.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the authorization server elsewhere, the gateway still challenges and serves the documents that point there. */
class RemoteAuthorizationServerTest {

    @Test
    void serversDefaultToOAuthAndTheirMetadataNamesTheRemoteIssuer() throws Exception {
        String remote = "https://auth.contoso.example";
        try (GatewayFixture gateway = GatewayFixture.start(Files.createTempDirectory("gw-data"), Map.of(
                "gateway.samples", true, "gateway.auth.remote-issuer", remote,
                "gateway.auth.resource-base-url", "https://gateway.contoso.example"))) {
            GatewayFixture.Response refused = gateway.send("POST", "/mcp/shop", SecuredGateway.initialize(),
                    Map.of("Accept", SecuredGateway.ACCEPT_BOTH));
            assertEquals(401, refused.status());
            GatewayFixture.Response prm = gateway.send("GET", "/.well-known/oauth-protected-resource/mcp/shop", null,
                    Map.of());
            assertEquals(200, prm.status(), prm.body());
            assertEquals("https://gateway.contoso.example/mcp/shop", prm.json().path("resource").asText());
            assertEquals(remote, prm.json().path("authorization_servers").get(0).asText());
            assertTrue(prm.json().path("scopes_supported").toString().contains("mcp:shop"));
        }
    }
}
