package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checklist 23: JSON token responses with no-store; tokens never in URLs; codes and refresh tokens stored hashed. */
class Item23TokenResponseHygieneTest {

    static AuthServerHarness harness;
    static final String REDIRECT = "http://localhost:6274/oauth/callback";

    @BeforeAll
    static void start() {
        harness = AuthServerHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void tokenResponsesAreUncacheableJsonAndNothingSecretIsStoredInClear() throws IOException {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        harness.entra().nextLoginIs("oid-23", "Kim", "kim@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.fresh();
        URI back = client.authorizeAndApprove(client.authorizeParams(clientId, REDIRECT, pkce, null));
        assertFalse(back.toString().contains("access_token"), "tokens never travel in URLs");
        String code = OAuthTestClient.query(back).get("code");
        String stateBeforeRedeem = allStoredText();
        assertFalse(stateBeforeRedeem.contains(code), "the code is stored hashed");

        HttpResponse<String> response = client.redeem(clientId, code, REDIRECT, pkce.verifier());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        JsonNode tokens = OAuthTestClient.json(response);
        assertEquals("Bearer", tokens.get("token_type").asText());
        String stored = allStoredText();
        assertFalse(stored.contains(tokens.get("refresh_token").asText()), "refresh tokens are stored hashed");
        assertFalse(stored.contains(tokens.get("access_token").asText()));

        HttpResponse<String> error = client.redeem(clientId, code, REDIRECT, pkce.verifier());
        assertEquals("no-store", error.headers().firstValue("Cache-Control").orElse(null));
    }

    private static String allStoredText() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(harness.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }
}
