package dev.mcpgateway.gateway.policy.flow;

import dev.mcpgateway.gateway.policy.attributes.StatusCode;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.PolicyResponse;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.headers.NameRules;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles {@code mock-response}. APIM mocks from the examples or schemas of the operation's responses and answers
 * with no content when it has neither; the gateway keeps no response examples, so the body is empty, except that a
 * JSON content type gets {@code {}} so that the caller can still parse what it was told is JSON. As in APIM, the
 * attributes take no expressions: status-code defaults to 200, content-type to none.
 */
@Singleton
public final class MockResponseFactory implements PolicyFactory {

    private static final int DEFAULT_STATUS = 200;
    private static final Set<Integer> NO_CONTENT = Set.of(204, 205, 304);

    @Override
    public Set<String> elements() {
        return Set.of("mock-response");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        int status = StatusCode.compile(element, "status-code", DEFAULT_STATUS).evaluate(null);
        Expression contentType = element.attribute("content-type");
        if (contentType == null) {
            return new MockResponse(new Decision.Respond(new PolicyResponse(status, Map.of(), "")));
        }
        String mediaType = contentType.evaluateText(null).strip();
        if (!mediaType.contains("/") || !NameRules.HEADER.acceptsValue(mediaType)) {
            throw new PolicyDocumentException(element.name(), element.line(), "the attribute 'content-type' is not"
                    + " a media type");
        }
        String body = json(mediaType) && !NO_CONTENT.contains(status) ? "{}" : "";
        return new MockResponse(new Decision.Respond(new PolicyResponse(status,
                Map.of("Content-Type", List.of(mediaType)), body)));
    }


    private static boolean json(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String essence = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        return essence.equals("application/json") || essence.endsWith("+json");
    }
}
