package dev.mcpgateway.gateway.policy.backend;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * {@code <forward-request timeout="seconds" />}: the gateway forwards every call after its backend section (a
 * document need not say so, unlike APIM, where a missing {@code forward-request} means no backend call); this
 * element sets the time the backend is given. {@code buffer-request-body} and {@code buffer-response} are accepted
 * for APIM's documents and change nothing: tool calls are buffered, model streams are relayed as they come.
 * {@code fail-on-error-status-code} is likewise accepted: an error status already runs the outbound section with it.
 */
@Singleton
public final class ForwardRequestFactory implements PolicyFactory {

    /** APIM's longest forward-request timeout. */
    private static final long MAX_SECONDS = 240;

    @Override
    public Set<String> elements() {
        return Set.of("forward-request");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        Expression timeout = element.attribute("timeout");
        if (timeout == null) {
            return call -> Decision.CONTINUE;
        }
        if (timeout.isConstant()) {
            Duration seconds = seconds(timeout.evaluateText(null));
            if (seconds == null) {
                throw new PolicyDocumentException(element.name(), element.line(), "timeout: a whole number of"
                        + " seconds from 1 to " + MAX_SECONDS);
            }
            return call -> {
                call.forwardTimeout(seconds);
                return Decision.CONTINUE;
            };
        }
        return call -> {
            Duration seconds = seconds(timeout.evaluateText(call));
            if (seconds != null) {
                call.forwardTimeout(seconds);
            }
            return Decision.CONTINUE;
        };
    }

    private static Duration seconds(String text) {
        try {
            long value = text == null ? 0 : Long.parseLong(text.trim());
            return value >= 1 && value <= MAX_SECONDS ? Duration.ofSeconds(value) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
