package dev.mcpgateway.gateway.policy.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyDocuments;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.Operation;
import dev.mcpgateway.llm.consumer.Consumer;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.policy.LlmCall;
import io.micronaut.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** llm-emit-token-metric's dimensions as labels of the proxy's token metrics. */
class TokenMetricFactoryTest {

    private static Map<String, String> labels(String dimensions) throws PolicyDocumentException {
        TokenMetricLabels policy = (TokenMetricLabels) new TokenMetricFactory().compile(PolicyDocuments.read(
                "<policies><inbound><llm-emit-token-metric namespace=\"MyLLM\">" + dimensions
                        + "</llm-emit-token-metric></inbound></policies>").section(Section.INBOUND).getFirst(), null);
        LlmCall llm = new LlmCall(new LlmApi("aoai", "", LlmApi.Type.AZURE_OPENAI, true, null, null),
                Operation.CHAT_COMPLETIONS, "gpt-4o", new Consumer("sub-1", "ai", "alice", "10.0.0.7"),
                HttpRequest.POST("/", "").header("x-team", "search"), false, () -> 0);
        LlmCallFacts facts = new LlmCallFacts(llm, new ConsumerDirectory(), id -> null);
        policy.apply(new PolicyCall(facts));
        return facts.metricLabels();
    }

    @Test
    void apimsDefaultDimensionsAreTheBuiltInLabelsAndNeedNoValue() throws Exception {
        assertEquals(Map.of(), labels("<dimension name=\"API ID\" /><dimension name=\"User ID\" />"),
                "the built-in labels carry them already");
        assertEquals(Map.of("client_ip", "10.0.0.7", "user", "ALICE"), labels(
                "<dimension name=\"Client IP\" value=\"@(context.Request.IpAddress)\" />"
                        + "<dimension name=\"User ID\" value=\"@(context.User.Id.ToUpper())\" />"));
    }

    @Test
    void anyOtherDimensionIsACustomLabelValuedByItsExpression() throws Exception {
        assertEquals(Map.of("team_name", "search"), labels("<dimension name=\"Team Name\""
                + " value=\"@(context.Request.Headers.GetValueOrDefault(&quot;x-team&quot;, &quot;&quot;))\" />"));
    }

    @Test
    void whatCannotBeALabelIsRefusedNamingTheDimension() {
        assertTrue(refusal("<dimension name=\"Team\" />").contains("the dimension 'Team' needs a value"));
        assertTrue(refusal("<dimension name=\"Location\" />").contains("this gateway has no Location"));
        assertTrue(refusal("<dimension name=\"API\" value=\"x\" />").contains("already a dimension"));
        assertTrue(refusal("<dimension name=\"a\" value=\"1\" /><dimension name=\"b\" value=\"1\" />"
                + "<dimension name=\"c\" value=\"1\" /><dimension name=\"d\" value=\"1\" />"
                + "<dimension name=\"e\" value=\"1\" /><dimension name=\"f\" value=\"1\" />")
                .contains("at most 5 custom dimensions"));
    }

    private static String refusal(String dimensions) {
        return assertThrows(PolicyDocumentException.class, () -> labels(dimensions)).getMessage();
    }
}
