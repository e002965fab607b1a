package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void anEmptyAuthorizationServerListIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProtectedResourceMetadata("https://gw.contoso.example/mcp/x", List.of(), List.of(), null));
    }
}
