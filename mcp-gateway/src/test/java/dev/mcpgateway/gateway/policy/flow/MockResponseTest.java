package dev.mcpgateway.gateway.policy.flow;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.in;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.PolicyResponse;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.Section;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MockResponseTest {

    private static PolicyResponse mocked(Section section, String attributes) throws Exception {
        Decision decision = global(Surface.MCP, in(section.xmlName(), "<mock-response " + attributes + " />"),
                new MockResponseFactory()).run(section, MapContext.on(Surface.MCP).call());
        return assertInstanceOf(Decision.Respond.class, decision).response();
    }

    @Nested
    class WhenTheResponseIsMocked {

        @Test
        void withoutAttributesItIs200WithNoContent() throws Exception {
            assertEquals(new PolicyResponse(200, Map.of(), ""), mocked(Section.INBOUND, ""));
        }

        @Test
        void aJsonContentTypeGetsAnEmptyObjectSoThatTheBodyParses() throws Exception {
            PolicyResponse response = mocked(Section.INBOUND, "status-code=\"201\" content-type=\"application/json\"");
            assertEquals(201, response.status());
            assertEquals(Map.of("Content-Type", List.of("application/json")), response.headers());
            assertEquals("{}", response.body());
            assertEquals("{}", mocked(Section.INBOUND, "content-type=\"application/problem+json; charset=utf-8\"")
                    .body());
        }

        @Test
        void anyOtherContentTypeHasNoContent() throws Exception {
            PolicyResponse response = mocked(Section.OUTBOUND, "content-type=\"text/plain\"");
            assertEquals("text/plain", response.header("content-type"));
            assertEquals("", response.body());
        }

        @Test
        void aStatusWithoutContentHasNoBodyWhateverTheType() throws Exception {
            assertEquals("", mocked(Section.ON_ERROR, "status-code=\"204\" content-type=\"application/json\"")
                    .body());
        }
    }

    @Nested
    class WhenTheDocumentIsLoaded {

        @Test
        void anExpressionIsRefusedAsInApim() {
            assertEquals("<mock-response> at line 3: the attribute 'status-code' takes no expression", refused(
                    inbound("<mock-response status-code=\"@(context.Response.StatusCode)\" />"),
                    new MockResponseFactory()));
        }

        @Test
        void aStatusOutOfRangeIsRefused() {
            assertEquals("<mock-response> at line 3: the attribute 'status-code' must be a status code from 200 to"
                    + " 599, not '700'", refused(inbound("<mock-response status-code=\"700\" />"),
                    new MockResponseFactory()));
        }

        @Test
        void aContentTypeThatIsNoMediaTypeIsRefused() {
            assertEquals("<mock-response> at line 3: the attribute 'content-type' is not a media type", refused(
                    inbound("<mock-response content-type=\"json\" />"), new MockResponseFactory()));
        }
    }
}
