package dev.mcpgateway.gateway.policy.access;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.headers.SetHeaderFactory;
import dev.mcpgateway.gateway.policy.xml.Section;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckHeaderTest {

    private static final String TENANT_CHECK = """
            <check-header name="X-Tenant" failed-check-httpcode="401" failed-check-error-message="Unknown tenant"\
             ignore-case="%s">
                <value>contoso</value>
                <value>fabrikam</value>
            </check-header>""";

    private static Decision run(String statements, MapContext facts) throws Exception {
        return global(Surface.MCP, inbound(statements), new CheckHeaderFactory(), new SetHeaderFactory())
                .run(Section.INBOUND, facts.call());
    }

    private static Refusal refusal(String statements, MapContext facts) throws Exception {
        return assertInstanceOf(Decision.Refuse.class, run(statements, facts)).refusal();
    }

    @Nested
    class WhenTheHeaderPasses {

        @Test
        void itIsPresentAndNoValuesAreListed() throws Exception {
            assertSame(Decision.CONTINUE, run("<check-header name=\"X-Tenant\" failed-check-httpcode=\"400\""
                    + " failed-check-error-message=\"missing\" ignore-case=\"false\" />",
                    MapContext.on(Surface.MCP).header("x-tenant", "anything")));
        }

        @Test
        void itHoldsOneOfTheListedValues() throws Exception {
            assertSame(Decision.CONTINUE, run(TENANT_CHECK.formatted("false"),
                    MapContext.on(Surface.MCP).header("X-Tenant", "fabrikam")));
        }

        @Test
        void ignoringCaseItHoldsAValueInAnotherCase() throws Exception {
            assertSame(Decision.CONTINUE, run(TENANT_CHECK.formatted("true"),
                    MapContext.on(Surface.MCP).header("X-Tenant", "CONTOSO")));
        }

        @Test
        void anEarlierSetHeaderGaveIt() throws Exception {
            assertSame(Decision.CONTINUE, run("<set-header name=\"X-Tenant\"><value>contoso</value></set-header>"
                    + TENANT_CHECK.formatted("false"), MapContext.on(Surface.MCP)));
        }
    }

    @Nested
    class WhenTheHeaderFails {

        @Test
        void anAbsentHeaderIsRefusedWithTheStatusAndMessageWritten() throws Exception {
            assertEquals(Refusal.of(401, "header_check_failed", "Unknown tenant"),
                    refusal(TENANT_CHECK.formatted("false"), MapContext.on(Surface.MCP)));
        }

        @Test
        void aValueNotListedIsRefused() throws Exception {
            assertEquals(401, refusal(TENANT_CHECK.formatted("false"), MapContext.on(Surface.MCP)
                    .header("X-Tenant", "northwind")).status());
        }

        @Test
        void aValueInAnotherCaseIsRefusedUnlessCaseIsIgnored() throws Exception {
            assertEquals("header_check_failed", refusal(TENANT_CHECK.formatted("false"), MapContext.on(Surface.MCP)
                    .header("X-Tenant", "Contoso")).code());
        }

        @Test
        void theStatusAndMessageMayBeExpressions() throws Exception {
            Refusal refusal = refusal("""
                    <check-header name="Authorization"\
                     failed-check-httpcode="@(context.Api.Id == "internal" ? 404 : 401)"\
                     failed-check-error-message="@("Sign in to " + context.Api.Name)" ignore-case="false" />""",
                    MapContext.on(Surface.MCP).with(dev.mcpgateway.gateway.policy.expression.ContextValue.API_ID, "crm")
                            .with(dev.mcpgateway.gateway.policy.expression.ContextValue.API_NAME, "CRM"));
            assertEquals(Refusal.of(401, "header_check_failed", "Sign in to CRM"), refusal);
        }

        @Test
        void aStatusExpressionOutOfRangeFailsTheCall() throws Exception {
            assertSame(Refusal.POLICY_FAILED, refusal("""
                    <check-header name="X-A"\
                     failed-check-httpcode="@(context.Variables.GetValueOrDefault<int>("c", 1))"\
                     failed-check-error-message="no" ignore-case="false" />""", MapContext.on(Surface.MCP)));
        }
    }

    @Nested
    class WhenTheDocumentIsLoaded {

        @Test
        void aStatusThatIsNoNumberIsRefused() {
            assertEquals("<check-header> at line 3: the attribute 'failed-check-httpcode' must be a status code from"
                    + " 200 to 599, not 'unauthorized'", refused(inbound("<check-header name=\"X-A\""
                    + " failed-check-httpcode=\"unauthorized\" failed-check-error-message=\"no\" ignore-case=\"false\""
                    + " />"), new CheckHeaderFactory()));
        }

        @Test
        void anIgnoreCaseThatIsNoBooleanIsRefused() {
            assertEquals("<check-header> at line 3: the attribute 'ignore-case' must be true, false or an expression",
                    refused(inbound("<check-header name=\"X-A\" failed-check-httpcode=\"401\""
                            + " failed-check-error-message=\"no\" ignore-case=\"yes\" />"), new CheckHeaderFactory()));
        }

        @Test
        void anEmptyNameIsRefused() {
            assertEquals("<check-header> at line 3: the attribute 'name' is empty", refused(inbound(
                    "<check-header name=\"\" failed-check-httpcode=\"401\" failed-check-error-message=\"no\""
                            + " ignore-case=\"false\" />"), new CheckHeaderFactory()));
        }

        @Test
        void aMissingRequiredAttributeIsRefusedByTheCatalog() {
            assertEquals("<check-header> at line 3: the attribute 'ignore-case' is required", refused(inbound(
                    "<check-header name=\"X-A\" failed-check-httpcode=\"401\" failed-check-error-message=\"no\" />"),
                    new CheckHeaderFactory()));
        }
    }
}
