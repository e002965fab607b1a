package dev.mcpgateway.gateway.policy.identity;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.access.EntraStandIn.TokenVersion;
import dev.mcpgateway.gateway.access.EntraStandIn;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.policy.PolicyFixtures;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.gateway.policy.engine.PolicyScope;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.Jwt;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.Section;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate-azure-ad-token} against an Entra ID stand-in (a real OIDC server answering at Entra's URLs, with
 * its v1.0 and v2.0 issuers and claims), named through {@code gateway.policies.entra-authority}.
 */
class ValidateAzureAdTokenTest {

    private static final String CLIENT_APP = "11112222-bbbb-3333-cccc-4444dddd5555";
    private static final String BACKEND_APP = "00001111-aaaa-2222-bbbb-3333cccc4444";
    private static final String MINIMAL = """
            <validate-azure-ad-token tenant-id="%s" %s>
                <client-application-ids><application-id>%s</application-id></client-application-ids>
                %s
            </validate-azure-ad-token>""";

    private static EntraStandIn entra;

    @BeforeAll
    static void start() {
        entra = new EntraStandIn();
    }

    @AfterAll
    static void stop() {
        entra.close();
    }

    private static EffectivePolicy policy(String attributes, String children) throws Exception {
        return global(Surface.LLM, inbound(MINIMAL.formatted(EntraStandIn.TENANT_ID, attributes, CLIENT_APP,
                children)), new ValidateAzureAdTokenFactory(entra.authority()));
    }

    /** An access token as Entra issues it to the client application for the backend application. */
    private static String token(TokenVersion version, Map<String, Object> extra) {
        Map<String, Object> claims = new HashMap<>(Map.of("oid", "0f1e2d3c-aaaa-bbbb-cccc-000000000001",
                "tid", EntraStandIn.TENANT_ID, "sub", "pairwise-subject", "scp", "orders.read"));
        if (version == TokenVersion.V2) {
            claims.putAll(Map.of("aud", BACKEND_APP, "azp", CLIENT_APP, "azpacr", "1", "ver", "2.0"));
        } else {
            claims.putAll(Map.of("aud", "api://" + BACKEND_APP, "appid", CLIENT_APP, "appidacr", "1", "ver", "1.0"));
        }
        claims.putAll(extra);
        return entra.accessToken(version, claims);
    }

    private static Decision run(EffectivePolicy policy, String token) {
        return policy.run(Section.INBOUND, bearer(token));
    }

    private static PolicyCall bearer(String token) {
        return MapContext.on(Surface.LLM).header("Authorization", "Bearer " + token).call();
    }

    private static Refusal refusal(Decision decision) {
        return assertInstanceOf(Decision.Refuse.class, decision).refusal();
    }

    @Nested
    class WhenTheTokenIsOfTheTenant {

        @Test
        void aV2TokenIssuedToTheClientApplicationPasses() throws Exception {
            assertSame(Decision.CONTINUE, run(policy("", ""), token(TokenVersion.V2, Map.of())));
        }

        @Test
        void aV1TokenPassesToo() throws Exception {
            assertSame(Decision.CONTINUE, run(policy("", ""), token(TokenVersion.V1, Map.of())));
        }

        @Test
        void itIsDecodedIntoTheOutputVariable() throws Exception {
            PolicyCall call = bearer(token(TokenVersion.V2, Map.of()));
            policy("output-token-variable-name=\"jwt\"", "").run(Section.INBOUND, call);
            assertEquals("0f1e2d3c-aaaa-bbbb-cccc-000000000001",
                    assertInstanceOf(Jwt.class, call.variable("jwt")).claim("oid"));
        }

        @Test
        void theBackendApplicationIsTheAudienceAsItsIdOrItsApiUri() throws Exception {
            EffectivePolicy policy = policy("", "<backend-application-ids><application-id>" + BACKEND_APP
                    + "</application-id></backend-application-ids>");
            assertSame(Decision.CONTINUE, run(policy, token(TokenVersion.V2, Map.of())));
            assertSame(Decision.CONTINUE, run(policy, token(TokenVersion.V1, Map.of())));
        }

        @Test
        void requiredClaimsAreChecked() throws Exception {
            EffectivePolicy policy = policy("", """
                    <required-claims><claim name="roles" match="any"><value>Orders.Admin</value></claim>\
                    </required-claims>""");
            assertSame(Decision.CONTINUE, run(policy, token(TokenVersion.V2, Map.of("roles",
                    List.of("Orders.Admin")))));
            assertEquals("JWT is missing the following claims: roles. Access denied.",
                    refusal(run(policy, token(TokenVersion.V2, Map.of()))).message());
        }

        @Test
        void anotherHeaderHoldsTheTokenWithoutScheme() throws Exception {
            PolicyCall call = MapContext.on(Surface.LLM).header("X-Entra-Token", token(TokenVersion.V2, Map.of()))
                    .call();
            assertSame(Decision.CONTINUE, policy("header-name=\"X-Entra-Token\"", "").run(Section.INBOUND, call));
        }

        @Test
        void theAuthorityIsTheGatewaysSetting(@TempDir Path dataDir) throws Exception {
            Map<String, Object> settings = Map.of("gateway.data-dir", dataDir.toString(), "gateway.admin.key",
                    GatewayFixture.ADMIN_KEY, ValidateAzureAdTokenFactory.AUTHORITY, entra.authority());
            try (ApplicationContext context = ApplicationContext.run(settings, "test")) {
                PolicyEngine engine = context.getBean(PolicyEngine.class);
                engine.prepare(PolicyFixtures.documents(Map.of(PolicyScope.GLOBAL, inbound(MINIMAL.formatted(
                        EntraStandIn.TENANT_ID, "", CLIENT_APP, ""))))).publish();
                assertSame(Decision.CONTINUE, engine.effective(Surface.LLM, PolicyFixtures.ANY_SCOPE)
                        .run(Section.INBOUND, bearer(token(TokenVersion.V2, Map.of()))));
            }
        }

        @Test
        void checkingWaitsOnTheNetwork() throws Exception {
            assertTrue(policy("", "").mayBlock());
        }
    }

    @Nested
    class WhenTheTokenFails {

        @Test
        void withoutATokenTheCallIsRefusedAsNotPresent() throws Exception {
            Refusal refusal = refusal(policy("", "").run(Section.INBOUND, MapContext.on(Surface.LLM).call()));
            assertEquals(new Refusal(401, "invalid_token", "JWT not present.", null,
                    Map.of("WWW-Authenticate", "Bearer")), refusal);
        }

        @Test
        void aTokenIssuedToAnotherClientApplicationIsRefused() throws Exception {
            assertEquals("JWT was issued to a client application that is not allowed. Access denied.",
                    refusal(run(policy("", ""), token(TokenVersion.V2, Map.of("azp", "another-client")))).message());
        }

        @Test
        void aTokenForAnotherBackendIsRefused() throws Exception {
            EffectivePolicy policy = policy("", "<backend-application-ids><application-id>" + BACKEND_APP
                    + "</application-id></backend-application-ids>");
            assertEquals("JWT audience is not allowed. Access denied.", refusal(run(policy,
                    token(TokenVersion.V2, Map.of("aud", "https://graph.microsoft.com")))).message());
        }

        @Test
        void aTokenOfAnotherTenantIsRefused() throws Exception {
            String foreign = entra.accessToken(TokenVersion.V2, Map.of("aud", BACKEND_APP, "azp", CLIENT_APP));
            EffectivePolicy otherTenant = global(Surface.LLM, inbound(MINIMAL.formatted("contoso.onmicrosoft.com",
                    "", CLIENT_APP, "")), new ValidateAzureAdTokenFactory(entra.authority()));
            assertEquals(401, refusal(run(otherTenant, foreign)).status());
        }

        @Test
        void theStatusAndMessageWrittenReplaceTheDefaults() throws Exception {
            Refusal refusal = refusal(run(policy("failed-validation-httpcode=\"403\""
                    + " failed-validation-error-message=\"Sign in with your work account.\"", ""),
                    token(TokenVersion.V2, Map.of("azp", "another-client"))));
            assertEquals(Refusal.of(403, "invalid_token", "Sign in with your work account."), refusal);
        }
    }
}
