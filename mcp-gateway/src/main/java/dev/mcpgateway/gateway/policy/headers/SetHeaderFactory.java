package dev.mcpgateway.gateway.policy.headers;

import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import dev.mcpgateway.gateway.policy.xml.Section;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Compiles {@code set-header}. As in APIM, the section decides the message: inbound and backend change the request
 * to the backend, outbound and on-error the response to the caller.
 */
@Singleton
public final class SetHeaderFactory implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("set-header");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        boolean onResponse = compiler.section() == Section.OUTBOUND || compiler.section() == Section.ON_ERROR;
        return new SetHeader(Assignment.compile(element, NameRules.HEADER), onResponse);
    }
}
