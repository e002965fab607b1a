package dev.mcpgateway.gateway.policy.flow;

import dev.mcpgateway.gateway.policy.attributes.StatusCode;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.headers.Assignment;
import dev.mcpgateway.gateway.policy.headers.NameRules;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compiles {@code return-response}: without {@code <set-status>} the answer is APIM's default, 200 with no body.
 * {@code <set-status>} and {@code <set-body>} may appear once each; {@code <set-header>} as often as needed, applied
 * in order to the response being built.
 */
@Singleton
public final class ReturnResponseFactory implements PolicyFactory {

    private static final int DEFAULT_STATUS = 200;

    @Override
    public Set<String> elements() {
        return Set.of("return-response");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        PolicyElement status = once(element, "set-status");
        PolicyElement body = once(element, "set-body");
        Expression reason = status == null ? null : status.attribute("reason");
        if (reason != null && reason.isConstant() && !NameRules.HEADER.acceptsValue(reason.evaluateText(null))) {
            throw new PolicyDocumentException(status.name(), status.line(), "the attribute 'reason' holds a control"
                    + " character");
        }
        List<Assignment> headers = new ArrayList<>();
        for (PolicyElement header : element.children("set-header")) {
            headers.add(Assignment.compile(header, NameRules.HEADER));
        }
        return new ReturnResponse(status == null ? StatusCode.of(DEFAULT_STATUS)
                : StatusCode.compile(status, "code", DEFAULT_STATUS), reason, List.copyOf(headers),
                body == null ? null : body.text());
    }

    private static PolicyElement once(PolicyElement element, String child) throws PolicyDocumentException {
        List<PolicyElement> found = element.children(child);
        if (found.size() > 1) {
            throw new PolicyDocumentException(child, found.get(1).line(), "appears twice in <" + element.name()
                    + ">");
        }
        return found.isEmpty() ? null : found.getFirst();
    }
}
