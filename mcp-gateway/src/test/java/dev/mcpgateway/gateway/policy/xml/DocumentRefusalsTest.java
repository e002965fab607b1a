package dev.mcpgateway.gateway.policy.xml;

import static dev.mcpgateway.gateway.policy.xml.PolicyDocumentsTest.inSection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Whatever the engine does not support is refused at load, naming the element and its line. */
class DocumentRefusalsTest {

    /** A document, and the message refusing it. */
    record Refusal(String document, String message) {
    }

    private static Refusal inbound(String body, String message) {
        return new Refusal(inSection("inbound", body), message);
    }

    private static final List<Refusal> REFUSALS = List.of(
            inbound("<not-a-policy />", "<not-a-policy> at line 3: is not an API Management policy"),
            inbound("<send-request mode=\"new\" />",
                    "<send-request> at line 3: is not supported: policies do not call other services"),
            inbound("<log-to-eventhub logger-id=\"l\">x</log-to-eventhub>", "<log-to-eventhub> at line 3: is not"
                    + " supported: Event Hubs is not a logger of this gateway; use loggers and diagnostics"),
            inbound("<llm-semantic-cache-lookup score-threshold=\"0.1\" />",
                    "<llm-semantic-cache-lookup> at line 3: is not supported: planned: not supported yet"),
            inbound("<set-body>{}</set-body>", "<set-body> at line 3: is not supported: not supported yet outside"
                    + " return-response; request and response bodies are not transformed"),
            inbound("<set-status code=\"200\" />", "<set-status> at line 3: is not supported: only inside"
                    + " return-response"),
            inbound("<set-variable name=\"a\" value=\"b\" flavour=\"x\" />", "<set-variable> at line 3: the"
                    + " attribute 'flavour' is not supported (supported: name, value)"),
            inbound("<set-variable name=\"a\" />", "<set-variable> at line 3: the attribute 'value' is required"),
            inbound("<set-backend-service />", "<set-backend-service> at line 3: one of the attributes base-url,"
                    + " backend-id is required"),
            inbound("<llm-token-limit counter-key=\"k\" token-quota=\"5\" />", "<llm-token-limit> at line 3: the"
                    + " attribute 'token-quota-period' is required with 'token-quota'"),
            inbound("<set-header name=\"a\" exists-action=\"replace\" />", "<set-header> at line 3: the attribute"
                    + " 'exists-action' must be one of append, delete, override, skip"),
            inbound("<rate-limit calls=\"@(5)\" renewal-period=\"60\" />", "<rate-limit> at line 3: the attribute"
                    + " 'calls' takes no expression"),
            inbound("<set-variable name=\"a\"\n    value=\"@(context.Api.Id; 1)\" />", "<set-variable> at line 3:"
                    + " the expression in the attribute 'value': a statement separator (;) is not supported (column"
                    + " 17)"),
            inbound("<set-header name=\"a\">\n  <value>@(x => x)</value>\n</set-header>", "<value> at line 4: the"
                    + " expression in its text: a lambda (=>) is not supported (column 5)"),
            inbound("<choose>\n  <when condition=\"true\">\n    <base />\n  </when>\n</choose>", "<base> at line 5:"
                    + " can only be a direct child of a section, not nested in another policy"),
            inbound("<base />\n<base />", "<base> at line 4: appears twice in <inbound>"),
            inbound("<base x=\"1\" />", "<base> at line 3: the attribute 'x' is not supported; this element takes"
                    + " no attributes"),
            inbound("<forward-request timeout=\"5\" />", "<forward-request> at line 3: is not allowed in <inbound>"
                    + " (allowed in backend)"),
            inbound("<choose>\n<when condition=\"true\">\n<forward-request />\n</when>\n</choose>",
                    "<forward-request> at line 5: is not allowed in <inbound> (allowed in backend)"),
            new Refusal(inSection("outbound", "<set-query-parameter name=\"a\" />"), "<set-query-parameter> at"
                    + " line 3: is not allowed in <outbound> (allowed in inbound, backend)"),
            new Refusal(inSection("on-error", "<rate-limit calls=\"1\" renewal-period=\"1\" />"), "<rate-limit>"
                    + " at line 3: is not allowed in <on-error> (allowed in inbound)"),
            inbound("<set-header name=\"a\">\n  <val>x</val>\n</set-header>", "<val> at line 4: is not supported in"
                    + " <set-header> (supported: value)"),
            inbound("<set-variable name=\"a\" value=\"b\"><x /></set-variable>", "<x> at line 3: is not supported"
                    + " in <set-variable>, which takes no child elements"),
            inbound("<set-variable name=\"a\" value=\"b\">text</set-variable>", "<set-variable> at line 3: takes no"
                    + " text"),
            inbound("<validate-jwt header-name=\"Authorization\">\n  <decryption-keys><key>k</key></decryption-keys>"
                    + "\n</validate-jwt>", "<decryption-keys> at line 4: is not supported in <validate-jwt>"
                    + " (supported: openid-config, issuer-signing-keys, audiences, issuers, required-claims)"),
            inbound("<return-response response-variable-name=\"r\" />", "<return-response> at line 3: the"
                    + " attribute 'response-variable-name' is not supported; this element takes no attributes"),
            new Refusal("<policy />", "<policy> at line 1: a policy document starts with <policies>"),
            new Refusal("<policies>\n  <in />\n</policies>", "<in> at line 2: is not a section; <policies> holds"
                    + " <inbound>, <backend>, <outbound> and <on-error>"),
            new Refusal("<policies>\n  <inbound />\n  <inbound />\n</policies>", "<inbound> at line 3: appears"
                    + " twice"),
            new Refusal("<policies>\n  <inbound scope=\"x\" />\n</policies>", "<inbound> at line 2: takes no"
                    + " attributes"),
            new Refusal("<policies>text</policies>", "<policies> at line 1: takes no text"),
            new Refusal("<policies>\n  <inbound>\n</policies>", "line 3: the document is not well-formed XML"),
            new Refusal("", "line 1: the document is not well-formed XML"));

    @TestFactory
    Stream<DynamicTest> eachRefusalNamesTheElementAndItsLine() {
        return REFUSALS.stream().map(refusal -> DynamicTest.dynamicTest(refusal.message(), () -> {
            PolicyDocumentException refused = assertThrows(PolicyDocumentException.class,
                    () -> PolicyDocuments.read(refusal.document()));
            assertEquals(refusal.message(), refused.getMessage());
        }));
    }

    @Test
    void theRefusalCarriesTheElementAndLine() {
        PolicyDocumentException refused = assertThrows(PolicyDocumentException.class,
                () -> PolicyDocuments.read(inSection("inbound", "\n\n<trace source=\"x\" />")));
        assertEquals("trace", refused.element());
        assertEquals(5, refused.line());
    }
}
