package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import dev.mcpgateway.auth.resource.ProtectedResourceMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checklist 11: RFC 9728 metadata per MCP server, resource byte-identical, non-empty authorization servers. */
class Item11ProtectedResourceMetadataTest {

    @Test
    void documentNamesTheResourceExactlyAsConfiguredWithAuthorizationServersAndScopes() {
        ProtectedResourceMetadata prm = new ProtectedResourceMetadata("https://gw.contoso.example/mcp/weather",
                List.of("https://gw.contoso.example"), List.of("mcp:weather"), "Weather");
        Map<String, Object> json = prm.toJson();
        assertEquals("https://gw.contoso.example/mcp/weather", json.get("resource"));
        assertEquals(List.of("https://gw.contoso.example"), json.get("authorization_servers"));
        assertEquals(List.of("mcp:weather"), json.get("scopes_supported"));
        assertEquals(List.of("header"), json.get("bearer_methods_supported"));
    }

    @Test
    void trailingSlashIsKeptBecauseClientsCompareByteForByte() {
        ProtectedResourceMetadata prm = new ProtectedResourceMetadata("https://gw.contoso.example/mcp/weather/",
                List.of("https://gw.contoso.example"), List.of(), null);
        assertEquals("https://gw.contoso.example/mcp/weather/", prm.toJson().get("resource"));
    }

    @Test
    void metadataLivesUnderTheWellKnownPrefixFollowedByTheMcpPath() {
        assertEquals("https://gw.contoso.example/.well-known/oauth-protected-resource/mcp/weather",
                ProtectedResourceMetadata.metadataUrlFor("https://gw.contoso.example/mcp/weather"));
        assertEquals("/.well-known/oauth-protected-resource/mcp/weather",
                ProtectedResourceMetadata.metadataPathFor("https://gw.contoso.example/mcp/weather"));
        assertEquals("https://gw.contoso.example/.well-known/oauth-protected-resource",
                ProtectedResourceMetadata.metadataUrlFor("https://gw.contoso.example/"));
    }

    @Test
    void theAuthServerServesTheDocumentPerMcpServerAndAtTheRoot() {
        try (AuthServerHarness harness = AuthServerHarness.start()) {
            OAuthTestClient client = harness.client();
            JsonNode tickets = OAuthTestClient.json(client.get(
                    ProtectedResourceMetadata.metadataUrlFor(harness.ticketsUrl())));
            assertEquals(harness.ticketsUrl(), tickets.get("resource").asText());
            assertEquals(harness.issuer(), tickets.get("authorization_servers").get(0).asText());
            assertEquals("[\"mcp:tickets\"]", tickets.get("scopes_supported").toString());
            JsonNode root = OAuthTestClient.json(client.get(harness.issuer() + "/.well-known/oauth-protected-resource"));
            assertEquals(harness.weatherUrl(), root.get("resource").asText());
            assertEquals(404, client.get(harness.issuer() + "/.well-known/oauth-protected-resource/mcp/nope").statusCode());
        }
    }

    @Test
    void anEmptyAuthorizationServerListIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProtectedResourceMetadata("https://gw.contoso.example/mcp/x", List.of(), List.of(), null));
    }
}
