package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checklist 22: refresh tokens rotate; reusing an old one fails and revokes the whole family. */
class Item22RefreshRotationTest {

    static AuthServerHarness harness;

    @BeforeAll
    static void start() {
        harness = AuthServerHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void eachRefreshReturnsANewRefreshToken() {
        OAuthTestClient client = harness.client();
        JsonNode first = client.loginAndRedeem("oid-22a");
        String clientId = first.get("client_id").asText();
        JsonNode second = OAuthTestClient.json(client.refresh(clientId, first.get("refresh_token").asText()));
        JsonNode third = OAuthTestClient.json(client.refresh(clientId, second.get("refresh_token").asText()));
        assertNotEquals(first.get("refresh_token").asText(), second.get("refresh_token").asText());
        assertNotEquals(second.get("refresh_token").asText(), third.get("refresh_token").asText());
    }

    @Test
    void reusingARotatedTokenFailsAndRevokesTheFamily() {
        OAuthTestClient client = harness.client();
        JsonNode first = client.loginAndRedeem("oid-22b");
        String clientId = first.get("client_id").asText();
        JsonNode second = OAuthTestClient.json(client.refresh(clientId, first.get("refresh_token").asText()));

        HttpResponse<String> replay = client.refresh(clientId, first.get("refresh_token").asText());
        assertEquals(400, replay.statusCode());
        assertEquals("invalid_grant", OAuthTestClient.json(replay).get("error").asText());
        HttpResponse<String> legit = client.refresh(clientId, second.get("refresh_token").asText());
        assertEquals("invalid_grant", OAuthTestClient.json(legit).get("error").asText(),
                "after reuse the attacker's and the victim's copies are both dead");
    }

    @Test
    void aRefreshTokenIsBoundToItsClient() {
        OAuthTestClient client = harness.client();
        JsonNode first = client.loginAndRedeem("oid-22c");
        String other = client.register("http://127.0.0.1/");
        assertEquals("invalid_grant",
                OAuthTestClient.json(client.refresh(other, first.get("refresh_token").asText())).get("error").asText());
    }
}
