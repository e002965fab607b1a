package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.TokenCheck;
import dev.mcpgateway.testsupport.NodeTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official MCP TypeScript SDK OAuth client (npm {@code @modelcontextprotocol/sdk}) against the authorization
 * server brokered to the OIDC stand-in: discovery, DCR, PKCE + resource, consent, upstream login, code exchange,
 * refresh rotation, and a fresh authorization demanded after revocation.
 */
class McpTypeScriptSdkOAuthTest {

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
    void sdkClientCompletesTheFlowRefreshesAndMustReauthorizeAfterRevocation() throws Exception {
        harness.entra().nextLoginIs("oid-sdk", "Sid Sdk", "sid@contoso.example", List.of(), List.of());
        Path script = Path.of(getClass().getResource("/node/sdk-oauth-flow.mjs").toURI());
        NodeTools.Result run = NodeTools.run(script, List.of(harness.weatherUrl()), Map.of(), Duration.ofSeconds(90));
        assertTrue(run.succeeded(), run.output());
        String line = run.output().lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(() ->
                new AssertionError(run.output()));
        JsonNode result = new ObjectMapper().readTree(line.substring(7));

        assertEquals("REDIRECT", result.get("first").asText());
        JsonNode request = result.get("authorizationRequest");
        assertEquals("S256", request.get("code_challenge_method").asText());
        assertEquals(harness.weatherUrl(), request.get("resource").asText(), "the SDK sends the PRM resource");
        assertEquals(harness.issuer(), result.get("redirect").get("iss").asText());
        assertTrue(result.get("stateMatches").asBoolean());
        assertEquals("AUTHORIZED", result.get("afterCode").asText());
        SignedJWT access = SignedJWT.parse(result.get("accessToken").asText());
        assertEquals(List.of(harness.weatherUrl()), access.getJWTClaimsSet().getAudience());
        assertEquals("oid-sdk", access.getJWTClaimsSet().getSubject());
        assertEquals("AUTHORIZED", result.get("afterRefresh").asText());
        assertTrue(result.get("refreshRotated").asBoolean());
        assertEquals(200, result.get("revokeStatus").asInt());
        assertEquals("REDIRECT", result.get("afterRevoke").asText(), "a revoked grant sends the client back to login");
        assertTrue(result.get("invalidated").toString().contains("tokens"));

        AccessTokenValidator validator = harness.context().getBean(AccessTokenValidator.class);
        assertInstanceOf(TokenCheck.Unauthenticated.class, validator.check(
                "Bearer " + result.get("refreshedAccessToken").asText(), harness.weatherUrl(), List.of()));
    }
}
