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
import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.Section;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IpFilterTest {

    private static final String LISTED = """
            <address>13.66.201.169</address>
            <address-range from="13.66.140.128" to="13.66.140.143" />
            <address>2001:db8::1</address>
            <address-range from="fd00::" to="fd00::ffff" />""";

    private static Decision filter(String action, String callerAddress) throws Exception {
        return run("<ip-filter action=\"" + action + "\">" + LISTED + "</ip-filter>", callerAddress);
    }

    private static Decision run(String statement, String callerAddress) throws Exception {
        MapContext facts = MapContext.on(Surface.LLM);
        if (callerAddress != null) {
            facts.with(ContextValue.REQUEST_IP_ADDRESS, callerAddress);
        }
        return global(Surface.LLM, inbound(statement), new IpFilterFactory()).run(Section.INBOUND, facts.call());
    }

    private static void assertForbidden(Decision decision) {
        assertEquals(Refusal.of(403, "ip_forbidden", "Calls from this IP address are not allowed."),
                assertInstanceOf(Decision.Refuse.class, decision).refusal());
    }

    @Nested
    class WhenTheActionIsAllow {

        @Test
        void listedAddressesAndRangesPass() throws Exception {
            for (String caller : new String[] {"13.66.201.169", "13.66.140.128", "13.66.140.135", "13.66.140.143",
                    "2001:db8:0:0::1", "fd00::abcd", "::ffff:13.66.201.169"}) {
                assertSame(Decision.CONTINUE, filter("allow", caller), caller);
            }
        }

        @Test
        void everyOtherAddressIsForbidden() throws Exception {
            for (String caller : new String[] {"13.66.201.170", "13.66.140.127", "13.66.140.144", "2001:db8::2",
                    "fd00::1:0", "10.0.0.1"}) {
                assertForbidden(filter("allow", caller));
            }
        }

        @Test
        void aCallerOfUnknownAddressIsForbidden() throws Exception {
            assertForbidden(filter("allow", null));
            assertForbidden(filter("allow", "not-an-address"));
        }
    }

    @Nested
    class WhenTheActionIsForbid {

        @Test
        void listedAddressesAreForbidden() throws Exception {
            assertForbidden(filter("forbid", "13.66.140.140"));
            assertForbidden(filter("forbid", "2001:DB8::1"));
        }

        @Test
        void everyOtherAddressAndAnUnknownOnePass() throws Exception {
            assertSame(Decision.CONTINUE, filter("forbid", "192.0.2.1"));
            assertSame(Decision.CONTINUE, filter("forbid", null));
        }
    }

    @Nested
    class WhenAnExpressionIsWritten {

        @Test
        void theActionIsReadPerCall() throws Exception {
            String byVariable = "<ip-filter action=\"@(context.Api.Id == \"public\" ? \"forbid\" : \"allow\")\">"
                    + "<address>10.0.0.1</address></ip-filter>";
            assertSame(Decision.CONTINUE, run(byVariable, "10.0.0.1"));
        }

        @Test
        void anAddressIsReadPerCallAndNeverResolvedAsAName() throws Exception {
            String fromHeader = "<ip-filter action=\"allow\"><address>"
                    + "@(context.Request.Headers.GetValueOrDefault(\"x-office\", \"localhost\"))</address></ip-filter>";
            assertSame(Refusal.POLICY_FAILED, assertInstanceOf(Decision.Refuse.class, run(fromHeader, "127.0.0.1"))
                    .refusal());
        }
    }

    @Nested
    class WhenTheDocumentIsLoaded {

        @Test
        void aNetworkWrittenAsAnAddressIsRefused() {
            assertEquals("<address> at line 3: '10.0.0.0/8' is not an IPv4 or IPv6 address (a network is written as"
                    + " <address-range from=\"...\" to=\"...\"/>)", refused(inbound("<ip-filter action=\"allow\">"
                    + "<address>10.0.0.0/8</address></ip-filter>"), new IpFilterFactory()));
        }

        @Test
        void aHostNameIsRefused() {
            assertEquals("<address> at line 4: 'gateway.example.com' is not an IPv4 or IPv6 address (a network is"
                    + " written as <address-range from=\"...\" to=\"...\"/>)", refused(inbound("<ip-filter"
                    + " action=\"forbid\">\n<address>gateway.example.com</address></ip-filter>"),
                    new IpFilterFactory()));
        }

        @Test
        void aRangeRunningDownwardsIsRefused() {
            assertEquals("<address-range> at line 3: 'from' must not come after 'to', and both must be IPv4 or both"
                    + " IPv6", refused(inbound("<ip-filter action=\"allow\"><address-range from=\"10.0.0.9\""
                    + " to=\"10.0.0.1\" /></ip-filter>"), new IpFilterFactory()));
        }

        @Test
        void aRangeAcrossFamiliesIsRefused() {
            assertEquals("<address-range> at line 3: 'from' must not come after 'to', and both must be IPv4 or both"
                    + " IPv6", refused(inbound("<ip-filter action=\"allow\"><address-range from=\"10.0.0.1\""
                    + " to=\"::1\" /></ip-filter>"), new IpFilterFactory()));
        }

        @Test
        void aFilterWithoutAddressesIsRefused() {
            assertEquals("<ip-filter> at line 3: needs at least one <address> or <address-range>", refused(
                    inbound("<ip-filter action=\"allow\" />"), new IpFilterFactory()));
        }

        @Test
        void anActionOtherThanAllowOrForbidIsRefusedByTheCatalog() {
            assertEquals("<ip-filter> at line 3: the attribute 'action' must be one of allow, forbid", refused(
                    inbound("<ip-filter action=\"deny\"><address>10.0.0.1</address></ip-filter>"),
                    new IpFilterFactory()));
        }
    }
}
