package dev.mcpgateway.gateway.policy.headers;

import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.Set;

/** Compiles {@code set-query-parameter} (inbound and backend only, as in APIM: there is no query on a response). */
@Singleton
public final class SetQueryParameterFactory implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("set-query-parameter");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        return new SetQueryParameter(Assignment.compile(element, NameRules.QUERY_PARAMETER));
    }
}
