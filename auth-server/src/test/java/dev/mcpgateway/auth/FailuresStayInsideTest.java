package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Internal failures never reach clients as exception text: an unreachable identity provider is a plain error page,
 * a broken state store a generic {@code temporarily_unavailable}.
 */
class FailuresStayInsideTest {

    @Test
    void anUnreachableIdentityProviderIsAPlainPageWithoutInternals() {
        try (AuthServerHarness harness = AuthServerHarness.start(Map.of(
                "gateway.auth.upstream.issuer", "http://127.0.0.1:9/nowhere"))) {
            OAuthTestClient client = harness.client();
            String clientId = client.register("https://vscode.dev/redirect");
            OAuthTestClient.ConsentPage page = client.openConsent(client.authorizeParams(clientId,
                    "https://vscode.dev/redirect", OAuthTestClient.Pkce.fresh(), null));
            HttpResponse<String> response = client.decide(page, "approve");
            assertEquals(502, response.statusCode());
            assertFalse(response.body().contains("127.0.0.1:9"), response.body());
            assertFalse(response.body().contains("Exception"), response.body());
        }
    }

    @Test
    void aBrokenStoreGivesTemporarilyUnavailableWithoutInternals() throws Exception {
        try (AuthServerHarness harness = AuthServerHarness.start()) {
            OAuthTestClient client = harness.client();
            String clientId = client.register("https://vscode.dev/redirect");
            // the stored client record is corrupted on disk
            Path clients = harness.dataDir().resolve("client");
            try (var files = Files.list(clients)) {
                for (Path f : files.toList()) {
                    Files.writeString(f, "0\n{not json");
                }
            }
            HttpResponse<String> response = client.postForm("/token", Map.of("grant_type", "refresh_token",
                    "client_id", clientId, "refresh_token", "x"));
            assertEquals(503, response.statusCode());
            assertEquals("temporarily_unavailable", OAuthTestClient.json(response).get("error").asText());
            assertFalse(response.body().contains("Json"), response.body());
        }
    }
}
