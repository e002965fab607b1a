package dev.mcpgateway.gateway.policy.identity;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.nimbusds.jwt.PlainJWT;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.Jwt;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.Section;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code validate-jwt} against tokens of an OpenID Provider served over real HTTP, signed with real RSA keys. */
class ValidateJwtTest {

    private OpenIdProviderStandIn provider;

    @BeforeEach
    void start() {
        provider = new OpenIdProviderStandIn();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    /** A validate-jwt reading {@code Authorization}, keyed by the provider, with these attributes and children. */
    private String validateJwt(String attributes, String children) {
        return "<validate-jwt header-name=\"Authorization\" " + attributes + ">\n<openid-config url=\""
                + provider.configurationUrl() + "\" />\n" + children + "\n</validate-jwt>";
    }

    private static Decision run(String statement, PolicyCall call) throws Exception {
        return global(Surface.MCP, inbound(statement), new ValidateJwtFactory()).run(Section.INBOUND, call);
    }

    private static PolicyCall bearer(String token) {
        return MapContext.on(Surface.MCP).header("Authorization", "Bearer " + token).call();
    }

    private static Refusal refusal(String statement, PolicyCall call) throws Exception {
        return assertInstanceOf(Decision.Refuse.class, run(statement, call)).refusal();
    }

    private static Refusal invalid(String message) {
        return new Refusal(401, "invalid_token", message, null,
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    @Nested
    class WhenTheTokenIsValid {

        @Test
        void aBearerTokenOfTheProviderPasses() throws Exception {
            assertSame(Decision.CONTINUE, run(validateJwt("", ""), bearer(provider.token())));
        }

        @Test
        void itIsDecodedIntoTheOutputVariable() throws Exception {
            PolicyCall call = bearer(provider.token(provider.claims().claim("roles", List.of("admin", "reader"))));
            run(validateJwt("output-token-variable-name=\"jwt\"", ""), call);
            Jwt jwt = assertInstanceOf(Jwt.class, call.variable("jwt"));
            assertEquals("user-1", jwt.subject());
            assertEquals("admin,reader", jwt.claim("roles"));
        }

        @Test
        void itsAudienceIsOneOfThoseListed() throws Exception {
            assertSame(Decision.CONTINUE, run(validateJwt("", """
                    <audiences><audience>api://other</audience><audience>api://orders</audience></audiences>"""),
                    bearer(provider.token())));
        }

        @Test
        void itsIssuerIsOneOfThoseListed() throws Exception {
            assertSame(Decision.CONTINUE, run(validateJwt("", "<issuers><issuer>" + provider.issuer()
                    + "</issuer></issuers>"), bearer(provider.token())));
        }

        @Test
        void itExpiredWithinTheClockSkew() throws Exception {
            String token = provider.token(provider.claims().expirationTime(Date.from(Instant.now().minusSeconds(30))));
            assertSame(Decision.CONTINUE, run(validateJwt("clock-skew=\"60\"", ""), bearer(token)));
        }

        @Test
        void withoutExpirationItPassesWhenExpirationIsNotRequired() throws Exception {
            String token = provider.token(provider.claims().expirationTime(null));
            assertSame(Decision.CONTINUE, run(validateJwt("require-expiration-time=\"false\"", ""), bearer(token)));
        }

        @Test
        void unsignedItPassesWhenSignaturesAreNotRequired() throws Exception {
            String token = new PlainJWT(provider.claims().build()).serialize();
            assertSame(Decision.CONTINUE, run(validateJwt("require-signed-tokens=\"false\"", ""), bearer(token)));
        }
    }

    @Nested
    class WhenTheTokenIsRead {

        @Test
        void withoutATokenTheCallIsRefusedAsNotPresentWithABareChallenge() throws Exception {
            assertEquals(new Refusal(401, "invalid_token", "JWT not present.", null,
                    Map.of("WWW-Authenticate", "Bearer")), refusal(validateJwt("", ""), MapContext.on(Surface.MCP)
                    .call()));
        }

        @Test
        void aRequiredSchemeMustPrecedeTheToken() throws Exception {
            PolicyCall basic = MapContext.on(Surface.MCP).header("Authorization", "Basic " + provider.token()).call();
            assertEquals("JWT not present.", refusal(validateJwt("require-scheme=\"Bearer\"", ""), basic).message());
            assertSame(Decision.CONTINUE, run(validateJwt("require-scheme=\"Bearer\"", ""),
                    bearer(provider.token())));
        }

        @Test
        void withoutARequiredSchemeTheWholeAuthorizationValueMayBeTheToken() throws Exception {
            PolicyCall bare = MapContext.on(Surface.MCP).header("Authorization", provider.token()).call();
            assertSame(Decision.CONTINUE, run(validateJwt("", ""), bare));
        }

        @Test
        void anotherHeaderHoldsTheTokenAlone() throws Exception {
            String statement = validateJwt("", "").replace("header-name=\"Authorization\"",
                    "header-name=\"X-Token\" require-scheme=\"Bearer\"");
            assertSame(Decision.CONTINUE, run(statement, MapContext.on(Surface.MCP).header("X-Token",
                    provider.token()).call()));
        }

        @Test
        void aQueryParameterHoldsTheToken() throws Exception {
            String statement = validateJwt("", "").replace("header-name=\"Authorization\"",
                    "query-parameter-name=\"access_token\"");
            assertSame(Decision.CONTINUE, run(statement, MapContext.on(Surface.MCP).query("access_token",
                    provider.token()).call()));
            assertEquals("JWT not present.", refusal(statement, bearer(provider.token())).message());
        }

        @Test
        void anExpressionGivesTheToken() throws Exception {
            String statement = validateJwt("", "").replace("header-name=\"Authorization\"",
                    "token-value=\"@(context.Request.Headers.GetValueOrDefault(\"X-Forwarded-Token\", \"\"))\"");
            assertSame(Decision.CONTINUE, run(statement, MapContext.on(Surface.MCP).header("X-Forwarded-Token",
                    provider.token()).call()));
        }
    }

    @Nested
    class WhenTheTokenFails {

        @Test
        void anExpiredTokenIsRefused() throws Exception {
            String token = provider.token(provider.claims().expirationTime(Date.from(Instant.now().minusSeconds(30))));
            assertEquals(invalid("JWT has expired. Access denied."), refusal(validateJwt("", ""), bearer(token)));
        }

        @Test
        void aTokenNotYetValidIsRefused() throws Exception {
            String token = provider.token(provider.claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))));
            assertEquals(invalid("JWT is not yet valid. Access denied."), refusal(validateJwt("", ""), bearer(token)));
        }

        @Test
        void aTokenWithoutExpirationIsRefusedByDefault() throws Exception {
            String token = provider.token(provider.claims().expirationTime(null));
            assertEquals(invalid("JWT has no expiration time. Access denied."), refusal(validateJwt("", ""),
                    bearer(token)));
        }

        @Test
        void aTokenForAnotherAudienceIsRefused() throws Exception {
            assertEquals(invalid("JWT audience is not allowed. Access denied."), refusal(validateJwt("",
                    "<audiences><audience>api://billing</audience></audiences>"), bearer(provider.token())));
        }

        @Test
        void aTokenOfAnIssuerNotListedIsRefused() throws Exception {
            assertEquals(invalid("JWT issuer is not allowed. Access denied."), refusal(validateJwt("",
                    "<issuers><issuer>https://sts.example.com/</issuer></issuers>"), bearer(provider.token())));
        }

        @Test
        void withoutIssuersListedTheTokenMustBeOfTheProvidersIssuer() throws Exception {
            String token = provider.token(provider.claims().issuer("https://sts.example.com/"));
            assertEquals(invalid("JWT issuer is not allowed. Access denied."), refusal(validateJwt("", ""),
                    bearer(token)));
        }

        @Test
        void aTokenSignedByAnotherKeyUnderAPublishedKeyIdIsRefused() throws Exception {
            String forged = OpenIdProviderStandIn.signed(OpenIdProviderStandIn.newKey("key-1"), provider.claims());
            assertEquals(invalid("JWT signature is not valid. Access denied."), refusal(validateJwt("", ""),
                    bearer(forged)));
        }

        @Test
        void anUnsignedTokenIsRefusedByDefault() throws Exception {
            String token = new PlainJWT(provider.claims().build()).serialize();
            assertEquals(invalid("JWT is not signed. Access denied."), refusal(validateJwt("", ""), bearer(token)));
        }

        @Test
        void somethingThatIsNoJwtIsRefusedAsInvalid() throws Exception {
            assertEquals(invalid("Invalid JWT."), refusal(validateJwt("", ""), bearer("not-a-token")));
        }

        @Test
        void theStatusAndMessageWrittenReplaceTheDefaults() throws Exception {
            assertEquals(Refusal.of(403, "invalid_token", "Unauthorized. Access token is missing or invalid."),
                    refusal(validateJwt("failed-validation-httpcode=\"403\" failed-validation-error-message="
                            + "\"Unauthorized. Access token is missing or invalid.\"", ""),
                            MapContext.on(Surface.MCP).call()));
        }

        @Test
        void aSkewExpressionGivingNoNumberFailsTheCall() throws Exception {
            assertSame(Refusal.POLICY_FAILED, refusal(validateJwt(
                    "clock-skew=\"@(context.Request.Headers.GetValueOrDefault(\"X-Skew\", \"soon\"))\"", ""),
                    bearer(provider.token())));
        }
    }

    @Nested
    class WhenClaimsAreRequired {

        private static final String ROLES = """
                <required-claims>
                    <claim name="roles" match="%s"><value>admin</value><value>reader</value></claim>
                </required-claims>""";

        private Decision withRoles(String match, Object roles) throws Exception {
            return run(validateJwt("", ROLES.formatted(match)), bearer(provider.token(provider.claims()
                    .claim("roles", roles))));
        }

        @Test
        void aMissingClaimIsNamedInTheRefusal() throws Exception {
            assertEquals(invalid("JWT is missing the following claims: roles. Access denied."),
                    refusal(validateJwt("", ROLES.formatted("any")), bearer(provider.token())));
        }

        @Test
        void withMatchAnyOneValueSuffices() throws Exception {
            assertSame(Decision.CONTINUE, withRoles("any", List.of("reader")));
        }

        @Test
        void withMatchAllEveryValueIsNeeded() throws Exception {
            assertSame(Decision.CONTINUE, withRoles("all", List.of("reader", "admin", "writer")));
            assertEquals(invalid("Claim roles has a value that is not allowed. Access denied."),
                    assertInstanceOf(Decision.Refuse.class, withRoles("all", List.of("reader"))).refusal());
        }

        @Test
        void aValueNotListedIsRefusedWithoutRepeatingIt() throws Exception {
            Refusal refusal = assertInstanceOf(Decision.Refuse.class, withRoles("any", List.of("owner")))
                    .refusal();
            assertEquals("Claim roles has a value that is not allowed. Access denied.", refusal.message());
        }

        @Test
        void aSeparatorSplitsAClaimHeldAsText() throws Exception {
            String scopes = """
                    <required-claims>
                        <claim name="scp" separator=" "><value>orders.read</value></claim>
                    </required-claims>""";
            assertSame(Decision.CONTINUE, run(validateJwt("", scopes), bearer(provider.token(provider.claims()
                    .claim("scp", "orders.write orders.read")))));
        }
    }
}
