package dev.mcpgateway.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.token.AccessTokenIssuer;
import dev.mcpgateway.auth.token.Grant;
import dev.mcpgateway.auth.token.Identity;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin API with an access token of the gateway's own authorization server instead of the admin key. As an
 * operator would do it: register a machine client, list its id in {@code gateway.admin.clients}, restart, then get
 * tokens for {@code <issuer>/admin} from the gateway's {@code /token}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAccessTokenTest {

    private static final String ISSUER = "https://gateway.example";
    private static final String ADMIN = ISSUER + "/admin";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Path dir;
    private GatewayFixture gateway;
    private String pipeline;
    private String pipelineBasic;
    private String intruder;
    private String intruderBasic;
    /** Answers of the first run, before any client was listed. */
    private GatewayFixture.Response unlistedMetadata;
    private GatewayFixture.Response unlistedToken;

    @BeforeAll
    void registerAClientThenListIt() throws Exception {
        dir = Files.createTempDirectory("admin-tokens");
        GatewayFixture first = start(List.of());
        try {
            JsonNode registered = register(first, "deploy-pipeline");
            pipeline = registered.get("client_id").asText();
            pipelineBasic = basic(registered);
            JsonNode other = register(first, "intruder");
            intruder = other.get("client_id").asText();
            intruderBasic = basic(other);
            unlistedMetadata = first.send("GET", "/.well-known/oauth-protected-resource/admin", null, Map.of());
            unlistedToken = token(first, pipelineBasic, ADMIN);
        } finally {
            first.close();
        }
        gateway = start(List.of(pipeline));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    private GatewayFixture start(List<String> adminClients) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "gateway.samples", true,
                "gateway.auth.issuer", ISSUER,
                "gateway.auth.data-dir", dir.resolve("auth").toString()));
        if (!adminClients.isEmpty()) {
            properties.put("gateway.admin.clients", adminClients);
        }
        return GatewayFixture.start(dir.resolve("data"), properties);
    }

    @Test
    void aTokenFromTheGatewaysOwnTokenEndpointOpensTheAdminApi() throws Exception {
        GatewayFixture.Response issued = token(gateway, pipelineBasic, ADMIN);
        assertEquals(200, issued.status(), issued.body());
        assertEquals("gateway.admin", issued.json().get("scope").asText());

        GatewayFixture.Response apis = withToken(issued.json().get("access_token").asText());

        assertEquals(200, apis.status(), apis.body());
        assertTrue(apis.json().has("value"), apis.body());
    }

    @Test
    void theAdminKeyStillOpensItBothWays() throws Exception {
        assertEquals(200, gateway.admin("GET", "/admin/apis", null).status());
        assertEquals(200, gateway.send("GET", "/admin/apis", null, Map.of("api-key", GatewayFixture.ADMIN_KEY))
                .status());
    }

    @Test
    void theAdminApiIsDescribedAsAProtectedResource() throws Exception {
        JsonNode metadata = gateway.send("GET", "/.well-known/oauth-protected-resource/admin", null, Map.of()).json();
        assertEquals(ADMIN, metadata.get("resource").asText());
        assertEquals("gateway.admin", metadata.get("scopes_supported").get(0).asText());
    }

    @Test
    void untilAClientIsListedTheAdminApiIsNoResourceOfTheAuthorizationServer() {
        assertEquals(404, unlistedMetadata.status());
        assertEquals(400, unlistedToken.status());
        assertEquals("invalid_target", unlistedToken.json().get("error").asText());
    }

    @Nested
    class Refused {

        @Test
        void aClientThatIsNotListedGetsNoAdminToken() throws Exception {
            GatewayFixture.Response refused = token(gateway, intruderBasic, ADMIN);
            assertEquals(400, refused.status());
            assertEquals("invalid_target", refused.json().get("error").asText());
        }

        @Test
        void aTokenForAnotherResourceIs401() throws Exception {
            GatewayFixture.Response shopToken = token(gateway, pipelineBasic, ISSUER + "/mcp/shop");
            assertEquals(200, shopToken.status(), shopToken.body());

            GatewayFixture.Response refused = withToken(shopToken.json().get("access_token").asText());

            assertUnauthorized(refused);
            assertTrue(refused.header("WWW-Authenticate").contains("error=\"invalid_token\""));
            assertTrue(refused.header("WWW-Authenticate").contains(
                    "resource_metadata=\"https://gateway.example/.well-known/oauth-protected-resource/admin\""),
                    refused.header("WWW-Authenticate"));
        }

        @Test
        void anExpiredTokenIs401() throws Exception {
            Clock past = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
            assertUnauthorized(withToken(mint(past, pipeline, List.of("gateway.admin"))));
        }

        @Test
        void aForgedTokenIs401() throws Exception {
            String[] parts = mint(Clock.systemUTC(), pipeline, List.of("gateway.admin")).split("\\.");
            String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"" + ISSUER
                    + "\",\"aud\":\"" + ADMIN + "\",\"scope\":\"gateway.admin\"}").getBytes(StandardCharsets.UTF_8));
            assertUnauthorized(withToken(parts[0] + "." + otherClaims + "." + parts[2]));
            assertUnauthorized(withToken("not-a-token"));
        }

        @Test
        void aValidTokenWithoutTheAdminScopeIs403InsufficientScope() throws Exception {
            GatewayFixture.Response refused = withToken(mint(Clock.systemUTC(), pipeline, List.of("mcp:shop")));

            assertForbidden(refused);
        }

        @Test
        void anAdminTokenOfAClientNoLongerListedIs403() throws Exception {
            assertForbidden(withToken(mint(Clock.systemUTC(), intruder, List.of("gateway.admin"))));
        }

        private void assertUnauthorized(GatewayFixture.Response response) {
            assertEquals(401, response.status(), response.body());
            assertTrue(response.isProblem(), response.contentType());
            assertEquals("Unauthorized", response.json().get("title").asText());
            assertTrue(response.header("WWW-Authenticate").startsWith("Bearer "));
        }

        private void assertForbidden(GatewayFixture.Response response) {
            assertEquals(403, response.status(), response.body());
            assertTrue(response.isProblem(), response.contentType());
            String challenge = response.header("WWW-Authenticate");
            assertTrue(challenge.startsWith("Bearer error=\"insufficient_scope\""), challenge);
            assertTrue(challenge.contains("scope=\"gateway.admin\""), challenge);
        }
    }

    private GatewayFixture.Response withToken(String token) throws Exception {
        return gateway.send("GET", "/admin/apis", null, Map.of("Authorization", "Bearer " + token));
    }

    /** A token signed with the gateway's own key, as its authorization server would issue it. */
    private String mint(Clock clock, String clientId, List<String> scopes) {
        return new AccessTokenIssuer(ISSUER, gateway.bean(SigningKeys.class), clock, Duration.ofMinutes(10))
                .issue(new Grant(clientId, Identity.ofClient(clientId), ADMIN, scopes, "family-" + System.nanoTime()));
    }

    private static JsonNode register(GatewayFixture gateway, String name) throws Exception {
        GatewayFixture.Response registered = gateway.send("POST", "/register", "{\"client_name\":\"" + name
                + "\",\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}",
                Map.of());
        assertEquals(201, registered.status(), registered.body());
        return registered.json();
    }

    private static String basic(JsonNode registration) {
        return "Basic " + Base64.getEncoder().encodeToString((registration.get("client_id").asText() + ":"
                + registration.get("client_secret").asText()).getBytes(StandardCharsets.UTF_8));
    }

    private static GatewayFixture.Response token(GatewayFixture gateway, String basic, String resource)
            throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway.uri("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&resource="
                        + URLEncoder.encode(resource, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new GatewayFixture.Response(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
    }
}
