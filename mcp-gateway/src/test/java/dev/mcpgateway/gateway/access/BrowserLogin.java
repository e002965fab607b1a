package dev.mcpgateway.gateway.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.mcpgateway.testsupport.BrowserHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an MCP client and its user's browser do against the gateway's authorization server, over real HTTP: register,
 * open /authorize, answer the consent page, pass the upstream login at the Entra stand-in, redeem the code, refresh.
 * One instance is one browser: it keeps the gateway's cookies (CSRF, remembered consent).
 */
final class BrowserLogin {

    static final String REDIRECT = "http://127.0.0.1:33418/callback";
    private static final Pattern HIDDEN = Pattern.compile("name=\"(request|csrf)\" value=\"([^\"]*)\"");

    private final String issuer;
    private final BrowserHttp browser;

    BrowserLogin(String issuer) {
        this.issuer = issuer;
        this.browser = new BrowserHttp(issuer);
    }

    /** What /authorize answered: the consent page (with its form fields) or a redirect straight past it. */
    record Authorize(HttpResponse<String> response, String requestId, String csrf, String verifier) {
        boolean showsConsentPage() {
            return response.statusCode() == 200 && requestId != null;
        }
    }

    /** Registers a public client (authorization code + refresh token); returns its client_id. */
    String registerPublicClient(String name) {
        return SecuredGateway.json(post("/register", "application/json", "{\"client_name\":\"" + name
                + "\",\"redirect_uris\":[\"" + REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\"}").body())
                .get("client_id").asText();
    }

    /** Registers a confidential machine client; returns the registration response (client_id and client_secret). */
    JsonNode registerConfidentialClient(String name) {
        return SecuredGateway.json(post("/register", "application/json", "{\"client_name\":\"" + name
                + "\",\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}")
                .body());
    }

    Authorize authorize(String clientId, String resource) {
        CodeVerifier verifier = new CodeVerifier();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", REDIRECT);
        params.put("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
        params.put("code_challenge_method", "S256");
        params.put("state", "st-" + System.nanoTime());
        params.put("resource", resource);
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(issuer + "/authorize?" + form(params))).GET());
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
        return new Authorize(page, request, csrf, verifier.getValue());
    }

    /** Approves (when the page is shown), passes the upstream login and redeems the code: the token response. */
    JsonNode signIn(String clientId, Authorize authorize) {
        HttpResponse<String> next = authorize.showsConsentPage()
                ? post("/consent", "application/x-www-form-urlencoded", form(Map.of("request", authorize.requestId(),
                        "csrf", authorize.csrf(), "decision", "approve")))
                : authorize.response();
        URI back = followToClient(next);
        String code = query(back).get("code");
        if (code == null) {
            throw new AssertionError("no code in " + back);
        }
        return token(Map.of("grant_type", "authorization_code", "client_id", clientId, "code", code,
                "redirect_uri", REDIRECT, "code_verifier", authorize.verifier()), null);
    }

    HttpResponse<String> refresh(String clientId, String refreshToken) {
        return post("/token", "application/x-www-form-urlencoded", form(Map.of("grant_type", "refresh_token",
                "client_id", clientId, "refresh_token", refreshToken)));
    }

    JsonNode token(Map<String, String> params, String basicAuthorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(issuer + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (basicAuthorization != null) {
            builder.header("Authorization", basicAuthorization);
        }
        HttpResponse<String> response = send(builder);
        if (response.statusCode() != 200) {
            throw new AssertionError("/token: " + response.statusCode() + " " + response.body());
        }
        return SecuredGateway.json(response.body());
    }

    private URI followToClient(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hop = 0; hop < 6; hop++) {
            String location = current.headers().firstValue("Location").orElseThrow(
                    () -> new AssertionError("expected a redirect: " + response.statusCode() + " " + response.body()));
            if (location.startsWith(REDIRECT)) {
                return URI.create(location);
            }
            current = send(HttpRequest.newBuilder(URI.create(location)).GET());
        }
        throw new AssertionError("too many redirects");
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(issuer + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        return browser.send(builder);
    }

    static String form(Map<String, String> params) {
        return BrowserHttp.form(params);
    }

    private static Map<String, String> query(URI uri) {
        return BrowserHttp.query(uri);
    }
}
