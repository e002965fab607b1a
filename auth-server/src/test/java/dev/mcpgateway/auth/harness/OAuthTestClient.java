package dev.mcpgateway.auth.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.mcpgateway.testsupport.BrowserHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Does over HTTP what an MCP client and its user's browser do: register, open /authorize, answer the consent
 * page, pass through the upstream login, catch the redirect, redeem the code, refresh and revoke. Redirects are
 * followed by hand so each hop can be checked; the browser's cookies for the gateway are kept in a jar.
 */
public final class OAuthTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN = Pattern.compile("name=\"(request|csrf)\" value=\"([^\"]*)\"");

    private final AuthServerHarness harness;
    private final BrowserHttp browser;

    OAuthTestClient(AuthServerHarness harness) {
        this.harness = harness;
        this.browser = new BrowserHttp(harness.issuer());
    }

    /** A PKCE pair. */
    public record Pkce(String verifier, String challenge) {
        public static Pkce fresh() {
            CodeVerifier verifier = new CodeVerifier();
            return new Pkce(verifier.getValue(), CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
        }
    }

    /** The consent page as served, with the hidden fields a browser would post back. */
    public record ConsentPage(HttpResponse<String> response, String requestId, String csrf) {
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(harness.issuer() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        return postForm(path, form, null);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(harness.issuer() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder);
    }

    public HttpResponse<String> options(String path, String origin) {
        return send(HttpRequest.newBuilder(URI.create(harness.issuer() + path))
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    /** Registers a public client with these redirect URIs; returns its client_id. */
    public String register(String... redirectUris) {
        String uris = List.of(redirectUris).stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(","));
        HttpResponse<String> response = postJson("/register",
                "{\"client_name\":\"Test MCP Client\",\"redirect_uris\":[" + uris + "],"
                        + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"token_endpoint_auth_method\":\"none\"}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("client_id").asText();
    }

    public String authorizeUrl(Map<String, String> params) {
        return harness.issuer() + "/authorize?" + encode(params);
    }

    public Map<String, String> authorizeParams(String clientId, String redirectUri, Pkce pkce, String resource) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        params.put("state", "st-" + System.nanoTime());
        if (resource != null) {
            params.put("resource", resource);
        }
        return params;
    }

    /** Opens /authorize and expects the consent page. */
    public ConsentPage openConsent(Map<String, String> params) {
        HttpResponse<String> page = get(authorizeUrl(params));
        Matcher m = HIDDEN.matcher(page.body());
        String request = null;
        String csrf = null;
        while (m.find()) {
            if (m.group(1).equals("request")) {
                request = m.group(2);
            } else {
                csrf = m.group(2);
            }
        }
        return new ConsentPage(page, request, csrf);
    }

    public HttpResponse<String> decide(ConsentPage page, String decision) {
        return postForm("/consent", Map.of("request", page.requestId(), "csrf", page.csrf(), "decision", decision));
    }

    /**
     * Follows redirects from {@code response} until one leaves for {@code redirectUri}'s origin (the client),
     * passing through the upstream login and our callback; returns that last Location.
     */
    public URI followToClient(HttpResponse<String> response, String redirectUri) {
        HttpResponse<String> current = response;
        for (int hop = 0; hop < 6; hop++) {
            String location = current.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("expected a redirect, got " + currentStatus(response)));
            if (location.startsWith(redirectUri.replaceAll("/$", "")) || !location.startsWith("http://127.0.0.1")) {
                return URI.create(location);
            }
            current = get(location);
        }
        throw new IllegalStateException("too many redirects");
    }

    /** The whole interactive part: consent (approve), upstream login, callback; returns the client's redirect. */
    public URI authorizeAndApprove(Map<String, String> params) {
        ConsentPage page = openConsent(params);
        if (page.requestId() == null) {
            // consent remembered: /authorize went straight upstream
            return followToClient(page.response(), params.get("redirect_uri"));
        }
        return followToClient(decide(page, "approve"), params.get("redirect_uri"));
    }

    public HttpResponse<String> redeem(String clientId, String code, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        return postForm("/token", form);
    }

    public HttpResponse<String> refresh(String clientId, String refreshToken) {
        return postForm("/token", Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", refreshToken));
    }

    /** Registration, login as {@code user} and code redemption: a token response for the weather server. */
    public JsonNode loginAndRedeem(String objectId) {
        String redirect = "http://127.0.0.1:33418/";
        String clientId = register(redirect);
        harness.entra().nextLoginIs(objectId, "User " + objectId, objectId + "@contoso.example", List.of("g-readers"),
                List.of("Weather.Read"));
        Pkce pkce = Pkce.fresh();
        URI back = authorizeAndApprove(authorizeParams(clientId, redirect, pkce, harness.weatherUrl()));
        HttpResponse<String> token = redeem(clientId, query(back).get("code"), redirect, pkce.verifier());
        JsonNode json = json(token);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("client_id", clientId);
        return json;
    }

    public Map<String, String> cookies() {
        return browser.cookies();
    }

    public static Map<String, String> query(URI uri) {
        return BrowserHttp.query(uri);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    public static String encode(Map<String, String> form) {
        return BrowserHttp.form(form);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        return browser.send(builder);
    }

    private static String currentStatus(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }
}
