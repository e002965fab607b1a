package dev.mcpgateway.gateway.resource.types;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.resource.ResourceSet;
import org.junit.jupiter.api.Test;

/** A policy document is read when written: what the gateway cannot apply is refused naming it and its line. */
class PolicyResourceTypeTest {

    private final PolicyResourceType type = new PolicyResourceType();

    private static ObjectNode document(String format, String value) {
        return JsonNodeFactory.instance.objectNode().put("format", format).put("value", value);
    }

    @Test
    void keepsADocumentItCanRead() throws Exception {
        ObjectNode kept = type.normalise("apis/aoai", document("rawxml", """
                <policies>
                    <inbound>
                        <base />
                        <llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="5000"
                            estimate-prompt-tokens="true" remaining-tokens-header-name="remaining-tokens" />
                    </inbound>
                </policies>"""), ResourceSet.empty(), null);
        assertEquals("rawxml", kept.path("format").asText());
    }

    @Test
    void refusesAnElementItDoesNotSupportNamingItsLine() {
        var refused = assertRefusedAt("value", () -> type.normalise("global", document("xml", """
                <policies>
                    <inbound>
                        <log-to-eventhub logger-id="hub">@(context.Request.Method)</log-to-eventhub>
                    </inbound>
                </policies>"""), ResourceSet.empty(), null));
        assertTrue(refused.getMessage().contains("<log-to-eventhub> at line 3"), refused.getMessage());
    }

    @Test
    void refusesAnExpressionOutsideTheSubset() {
        var refused = assertRefusedAt("value", () -> type.normalise("products/ai", document("rawxml", """
                <policies><inbound><set-header name="x" exists-action="override">
                <value>@(new System.Random().Next().ToString())</value></set-header></inbound></policies>"""),
                ResourceSet.empty(), null));
        assertTrue(refused.getMessage().contains("line 2"), refused.getMessage());
    }

    @Test
    void refusesAScopeThatIsNoneOfAPIMsFour() {
        assertRefusedAt("id", () -> type.normalise("backends/b1", document("xml", "<policies/>"),
                ResourceSet.empty(), null));
    }
}
