package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.mcpgateway.auth.client.ClientMetadataDocuments;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checklist 27: a client identified by its metadata document URL. The document is served by a real loopback HTTP
 * server, allowed only through the test-only setting; without it the SSRF guard refuses loopback and private hosts.
 */
class Item27ClientIdMetadataDocumentsTest {

    static AuthServerHarness harness;
    static HttpServer documents;
    static String base;
    static final String REDIRECT = "http://127.0.0.1:47000/callback";

    @BeforeAll
    static void start() throws IOException {
        documents = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + documents.getAddress().getPort();
        serve("/good.json", "{\"client_id\":\"" + base + "/good.json\",\"client_name\":\"Doc Client\","
                + "\"redirect_uris\":[\"" + REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\"}");
        serve("/impostor.json", "{\"client_id\":\"https://claude.ai/oauth/client.json\","
                + "\"redirect_uris\":[\"" + REDIRECT + "\"]}");
        documents.start();
        harness = AuthServerHarness.start(Map.of("gateway.auth.allow-loopback-client-metadata", true));
    }

    @AfterAll
    static void stop() {
        harness.close();
        documents.stop(0);
    }

    @Test
    void aClientIdUrlIsFetchedAndItsRedirectAccepted() {
        OAuthTestClient client = harness.client();
        String clientId = base + "/good.json";
        harness.entra().nextLoginIs("oid-27", "Doc", "doc@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.fresh();
        OAuthTestClient.ConsentPage page = client.openConsent(client.authorizeParams(clientId, REDIRECT, pkce, null));
        assertTrue(page.response().body().contains("Doc Client"));
        URI back = client.followToClient(client.decide(page, "approve"), REDIRECT);
        HttpResponse<String> token = client.redeem(clientId, OAuthTestClient.query(back).get("code"), REDIRECT,
                pkce.verifier());
        assertEquals(200, token.statusCode(), token.body());
    }

    @Test
    void aDocumentThatNamesAnotherClientIdIsRefused() {
        OAuthTestClient client = harness.client();
        HttpResponse<String> response = client.get(client.authorizeUrl(client.authorizeParams(base + "/impostor.json",
                REDIRECT, OAuthTestClient.Pkce.fresh(), null)));
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
    }

    @Test
    void aRedirectOutsideTheDocumentsListIsRefused() {
        OAuthTestClient client = harness.client();
        HttpResponse<String> response = client.get(client.authorizeUrl(client.authorizeParams(base + "/good.json",
                "https://attacker.example/cb", OAuthTestClient.Pkce.fresh(), null)));
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
    }

    @Test
    void withoutTheTestSettingTheSsrfGuardRefusesLoopbackPrivateAndPlainHttp() {
        ClientMetadataDocuments guarded = new ClientMetadataDocuments(false);
        assertFalse(guarded.resolve(base + "/good.json").isPresent(), "loopback over http");
        assertFalse(guarded.resolve("https://127.0.0.1:" + documents.getAddress().getPort() + "/good.json").isPresent());
        assertFalse(guarded.resolve("https://10.1.2.3/client.json").isPresent());
        assertFalse(guarded.resolve("https://169.254.169.254/latest/meta-data").isPresent());
        assertFalse(guarded.resolve("https://[fd00::1]/client.json").isPresent());
    }

    private static void serve(String path, String json) {
        documents.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
