package dev.mcpgateway.gateway.policy.identity;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.auth.backend.IdentityEndpoint;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.testsupport.EchoHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Against Azure's Instance Metadata Service stood in by a real HTTP server speaking its wire format. */
class AuthenticationManagedIdentityTest {

    private static final String TOKEN_PATH = "/metadata/identity/oauth2/token";

    private EchoHttpServer imds;
    private AuthenticationManagedIdentityFactory factory;

    @BeforeEach
    void start() {
        imds = EchoHttpServer.start();
        factory = new AuthenticationManagedIdentityFactory(IdentityEndpoint.instanceMetadata(
                imds.baseUri().resolve(TOKEN_PATH)));
        issues("mi-token-1");
    }

    @AfterEach
    void stop() {
        imds.close();
    }

    private void issues(String token) {
        imds.respond(TOKEN_PATH, 200, Map.of("Content-Type", "application/json"), ("{\"access_token\":\"" + token
                + "\",\"expires_on\":\"" + Instant.now().plusSeconds(3600).getEpochSecond()
                + "\",\"resource\":\"https://cognitiveservices.azure.com\",\"token_type\":\"Bearer\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private EffectivePolicy policy(String statement) throws Exception {
        return global(Surface.LLM, inbound(statement), factory);
    }

    private static Decision run(EffectivePolicy policy, PolicyCall call) {
        return policy.run(Section.INBOUND, call);
    }

    @Nested
    class WhenTheEndpointGivesAToken {

        @Test
        void theBackendRequestCarriesItAsBearer() throws Exception {
            PolicyCall call = MapContext.on(Surface.LLM).call();
            assertSame(Decision.CONTINUE, run(policy("<authentication-managed-identity"
                    + " resource=\"https://cognitiveservices.azure.com\" />"), call));
            assertEquals(List.of("Bearer mi-token-1"), call.requestHeaders().get("authorization"));
        }

        @Test
        void theEndpointIsAskedForTheResourceAsTheUserAssignedIdentity() throws Exception {
            run(policy("<authentication-managed-identity resource=\"https://cognitiveservices.azure.com\""
                    + " client-id=\"5f1c-uami\" />"), MapContext.on(Surface.MCP).call());
            EchoHttpServer.Received asked = imds.last();
            assertEquals("api-version=2018-02-01&resource=https%3A%2F%2Fcognitiveservices.azure.com"
                    + "&client_id=5f1c-uami", asked.rawQuery());
            assertEquals(List.of("true"), asked.header("Metadata"));
        }

        @Test
        void theTokenIsKeptForLaterCalls() throws Exception {
            EffectivePolicy policy = policy("<authentication-managed-identity resource=\"https://vault.azure.net\" />");
            run(policy, MapContext.on(Surface.MCP).call());
            issues("mi-token-2");
            PolicyCall later = MapContext.on(Surface.MCP).call();
            run(policy, later);
            assertEquals(List.of("Bearer mi-token-1"), later.requestHeaders().get("Authorization"));
            assertEquals(1, imds.received().size());
        }

        @Test
        void withAnOutputVariableOnlyTheVariableIsSet() throws Exception {
            PolicyCall call = MapContext.on(Surface.MCP).call();
            run(policy("<authentication-managed-identity resource=\"https://vault.azure.net\""
                    + " output-token-variable-name=\"msi-access-token\" />"), call);
            assertEquals("mi-token-1", call.variable("msi-access-token"));
            assertEquals(Map.of(), call.requestHeaders());
        }

        @Test
        void thePolicyRunsWhereItMayWaitOnTheNetwork() throws Exception {
            assertTrue(policy("<authentication-managed-identity resource=\"https://vault.azure.net\" />").mayBlock());
        }
    }

    @Nested
    class WhenNoTokenCanBeHad {

        @BeforeEach
        void refuse() {
            imds.respond(TOKEN_PATH, 400, Map.of("Content-Type", "application/json"),
                    "{\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}"
                            .getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void theCallFailsWith500WithoutTheEndpointsWords() throws Exception {
            Decision decision = run(policy("<authentication-managed-identity resource=\"https://vault.azure.net\" />"),
                    MapContext.on(Surface.MCP).call());
            assertEquals(new Decision.Refuse(AuthenticationManagedIdentity.UNAVAILABLE), decision);
            assertEquals(500, AuthenticationManagedIdentity.UNAVAILABLE.status());
        }

        @Test
        void anUnreachableEndpointFailsTheCallToo() throws Exception {
            factory = new AuthenticationManagedIdentityFactory(IdentityEndpoint.instanceMetadata(
                    URI.create("http://127.0.0.1:1" + TOKEN_PATH)));
            assertEquals(new Decision.Refuse(AuthenticationManagedIdentity.UNAVAILABLE), run(policy(
                    "<authentication-managed-identity resource=\"https://vault.azure.net\" />"),
                    MapContext.on(Surface.MCP).call()));
        }

        @Test
        void ignoringTheErrorTheCallGoesOnWithoutAToken() throws Exception {
            PolicyCall call = MapContext.on(Surface.MCP).call();
            assertSame(Decision.CONTINUE, run(policy("<authentication-managed-identity"
                    + " resource=\"https://vault.azure.net\" ignore-error=\"true\" />"), call));
            assertEquals(Map.of(), call.requestHeaders());
        }
    }

    @Nested
    class WhenTheDocumentIsLoaded {

        @Test
        void aResourceChosenPerCallIsRefused() {
            assertEquals("<authentication-managed-identity> at line 3: the attribute 'resource' takes no expression",
                    refused(inbound("<authentication-managed-identity"
                    + " resource=\"@(context.Request.Headers.GetValueOrDefault(\"X-Resource\", \"\"))\" />"),
                    factory));
        }

        @Test
        void anEmptyResourceIsRefused() {
            assertEquals("<authentication-managed-identity> at line 3: the attribute 'resource' is empty",
                    refused(inbound("<authentication-managed-identity resource=\" \" />"), factory));
        }

        @Test
        void nothingIsFetchedBeforeTheFirstCall() throws Exception {
            policy("<authentication-managed-identity resource=\"https://vault.azure.net\" />");
            assertEquals(List.of(), imds.received());
        }
    }
}
