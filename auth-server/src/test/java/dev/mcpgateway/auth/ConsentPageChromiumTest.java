package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.HeadlessChromium;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consent page in a real browser (Debian's headless Chromium): it renders as a product page, and clicking Allow
 * or Deny takes the browser through the upstream login back to the client's loopback redirect, where a real HTTP
 * listener (standing in for the MCP client) catches the answer. Screenshots land in auth-server/target/.
 */
class ConsentPageChromiumTest {

    static AuthServerHarness harness;
    static HeadlessChromium chromium;
    static HttpServer clientListener;
    static volatile CompletableFuture<URI> callback = new CompletableFuture<>();
    static String redirect;

    @BeforeAll
    static void start() throws Exception {
        // the browser talks plain HTTP to 127.0.0.1, which Chromium treats as a secure context for __Host- cookies
        harness = AuthServerHarness.start();
        clientListener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        clientListener.createContext("/callback", exchange -> {
            callback.complete(exchange.getRequestURI());
            byte[] body = "<!doctype html><title>done</title><p id=done>You can close this window.</p>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        clientListener.start();
        redirect = "http://127.0.0.1:" + clientListener.getAddress().getPort() + "/callback";
        chromium = HeadlessChromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        clientListener.stop(0);
        harness.close();
    }

    @Test
    void theConsentPageRendersAndAllowLeadsBackToTheClientWithACode() throws Exception {
        OAuthTestClient client = harness.client();
        String clientId = client.register(redirect);
        harness.entra().nextLoginIs("oid-browser", "Bea Browser", "bea@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.fresh();
        Map<String, String> params = client.authorizeParams(clientId, redirect, pkce, harness.weatherUrl());
        callback = new CompletableFuture<>();

        HeadlessChromium.Page page = chromium.open(client.authorizeUrl(params));
        page.waitFor("document.readyState === 'complete' && document.getElementById('approve')");
        assertEquals("Allow access?", page.evaluate("document.title"));
        assertTrue(page.evaluate("document.querySelector('h1').innerText").contains("Test MCP Client"));
        assertTrue(page.evaluate("document.body.innerText").contains("mcp:weather"));
        assertEquals("rgb(36, 87, 214)", page.evaluate("getComputedStyle(document.getElementById('approve')).backgroundColor"),
                "the inline stylesheet is applied (CSP allows it)");
        Path screenshot = Path.of("target", "consent-page.png");
        page.screenshot(screenshot);
        assertTrue(Files.size(screenshot) > 10_000, "a real rendering, not a blank page");

        page.evaluate("document.getElementById('approve').click()");
        URI answer = awaitCallback(page);
        Map<String, String> query = OAuthTestClient.query(answer);
        assertEquals(params.get("state"), query.get("state"));
        assertNotNull(query.get("code"));
        var token = client.redeem(clientId, query.get("code"), redirect, pkce.verifier());
        assertEquals(200, token.statusCode(), token.body());
    }

    private static URI awaitCallback(HeadlessChromium.Page page) throws Exception {
        try {
            return callback.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the browser never reached the client; it shows "
                    + page.evaluate("location.href + ' :: ' + document.body.innerText") + " events: "
                    + page.events().stream().filter(ev -> ev.get("method").asText().matches("Network.(loadingFailed|responseReceived|requestWillBeSent)"))
                    .map(ev -> ev.get("method").asText() + " " + ev.path("params").path("request").path("url").asText("") + ev.path("params").path("response").path("status").asText("") + ev.path("params").path("errorText").asText("") + ev.path("params").path("blockedReason").asText("")).toList());
        }
    }

    @Test
    void denyLeadsBackToTheClientWithAccessDenied() throws Exception {
        OAuthTestClient client = harness.client();
        String clientId = client.register(redirect);
        Map<String, String> params = client.authorizeParams(clientId, redirect, OAuthTestClient.Pkce.fresh(), null);
        callback = new CompletableFuture<>();

        HeadlessChromium.Page page = chromium.open(client.authorizeUrl(params));
        page.waitFor("document.readyState === 'complete' && document.getElementById('deny')");
        page.screenshot(Path.of("target", "consent-page-before-deny.png"));
        page.enable("Network");
        page.evaluate("document.getElementById('deny').click()");
        Map<String, String> query = OAuthTestClient.query(awaitCallback(page));
        assertEquals("access_denied", query.get("error"));
        assertEquals(harness.issuer(), query.get("iss"));
    }
}
