package dev.mcpgateway.gateway.policy.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples from APIM's policy reference, copied verbatim, read as APIM reads them. */
class ApimExamplesTest {

    /** A caller with an address, a user, a query parameter and a variable. */
    static final PolicyContext CALLER = new MapContext().with(ContextValue.REQUEST_IP_ADDRESS, "10.0.0.7")
            .with(ContextValue.USER_ID, "u1").with(ContextValue.DEPLOYMENT_REGION, "West Europe")
            .query("version", "2014-03").variable("msi-access-token", "t0k").status(200);

    @Test
    void everySupportedExampleReads() throws Exception {
        for (String file : List.of("apim-llm-token-limit-rate.xml", "apim-llm-token-limit-quota.xml",
                "apim-azure-openai-token-limit.xml", "apim-llm-emit-token-metric.xml", "apim-rate-limit.xml",
                "apim-rate-limit-by-key.rawxml", "apim-quota-by-key.rawxml", "apim-set-backend-service.rawxml",
                "apim-forward-request.xml", "apim-authentication-managed-identity.rawxml",
                "apim-validate-jwt.xml", "apim-validate-azure-ad-token.xml", "apim-check-header-ip-filter-cors.xml",
                "apim-return-and-mock-response.xml",
                "apim-set-header-context.xml", "apim-retry.rawxml")) {
            assertFalse(Fixtures.read(file).sections().isEmpty(), file);
        }
    }


    @Test
    void theLlmTokenLimitExampleKeepsItsAttributesAndBaseMarkers() throws Exception {
        PolicyDocument document = Fixtures.read("apim-llm-token-limit-rate.xml");
        List<PolicyElement> inbound = document.section(Section.INBOUND);
        assertTrue(inbound.get(0).isBase());
        PolicyElement limit = inbound.get(1);
        assertEquals("llm-token-limit", limit.name());
        assertEquals(4, limit.line());
        assertEquals(9, limit.column());
        assertEquals(List.of("counter-key", "tokens-per-minute", "estimate-prompt-tokens",
                "remaining-tokens-variable-name"), List.copyOf(limit.attributes().keySet()));
        assertEquals("10.0.0.7", limit.attribute("counter-key").evaluate(CALLER));
        assertTrue(limit.attribute("tokens-per-minute").isConstant());
        assertEquals("5000", limit.attribute("tokens-per-minute").evaluate(CALLER));
        assertFalse(limit.attribute("estimate-prompt-tokens").evaluateCondition(CALLER));
        assertTrue(document.section(Section.OUTBOUND).get(0).isBase());
        assertFalse(document.has(Section.BACKEND));
        assertTrue(document.section(Section.BACKEND).isEmpty());
    }

    @Test
    void theQuotaByKeyExampleCompilesItsUnescapedCondition() throws Exception {
        PolicyElement quota = Fixtures.read("apim-quota-by-key.rawxml").section(Section.INBOUND).get(1);
        assertTrue(quota.attribute("increment-condition").evaluateCondition(CALLER));
        assertEquals("10.0.0.7", quota.attribute("counter-key").evaluate(CALLER));
    }

    @Test
    void theSetBackendServiceExampleChoosesByQuery() throws Exception {
        PolicyElement choose = Fixtures.read("apim-set-backend-service.rawxml").section(Section.INBOUND).get(0);
        List<PolicyElement> whens = choose.children("when");
        assertFalse(whens.get(0).attribute("condition").evaluateCondition(CALLER));
        assertTrue(whens.get(1).attribute("condition").evaluateCondition(CALLER));
        assertEquals("http://contoso.com/api/9.1/",
                whens.get(1).children().get(0).attribute("base-url").evaluate(CALLER));
        assertEquals(7, whens.get(1).line());
    }

    @Test
    void elementTextHoldsExpressionsAndConstants() throws Exception {
        PolicyElement header = Fixtures.read("apim-set-header-context.xml").section(Section.INBOUND).get(1);
        assertEquals(List.of("u1", "West Europe"),
                header.children("value").stream().map(value -> value.text().evaluate(CALLER)).toList());
        PolicyElement manual = Fixtures.read("apim-authentication-managed-identity.rawxml")
                .section(Section.INBOUND).get(1);
        assertEquals("Bearer t0k", manual.children("value").get(0).text().evaluate(CALLER));
        PolicyElement returned = Fixtures.read("apim-return-and-mock-response.xml").section(Section.INBOUND).get(0);
        assertEquals("Bearer error=\"invalid_token\"",
                returned.children("set-header").get(0).children().get(0).text().evaluate(CALLER));
        assertNull(returned.text());
    }

    @Test
    void theMcpToolQuotaAsPrintedIsRefusedAtItsComma() {
        PolicyDocumentException refused = assertThrows(PolicyDocumentException.class,
                () -> Fixtures.read("apim-mcp-tool-quota.rawxml"));
        assertEquals("quota-by-key", refused.element());
        assertEquals(4, refused.line());
        assertEquals("<quota-by-key> at line 4: the expression in the attribute 'counter-key': ',' found where a"
                + " value was expected (column 66)", refused.getMessage());
    }

    @Test
    void theContentSafetyExampleIsRefusedAsPlanned() {
        PolicyDocumentException refused = assertThrows(PolicyDocumentException.class,
                () -> Fixtures.read("apim-llm-content-safety.xml"));
        assertEquals("<llm-content-safety> at line 3: is not supported: planned: not supported yet",
                refused.getMessage());
    }

    @Test
    void theUnescapedExamplesAreNotWellFormedAsXml() {
        PolicyDocumentException refused = assertThrows(PolicyDocumentException.class,
                () -> PolicyDocuments.read(Fixtures.text("apim-quota-by-key.rawxml"), PolicyFormat.XML));
        assertEquals("line 5: the document is not well-formed XML", refused.getMessage());
    }
}
