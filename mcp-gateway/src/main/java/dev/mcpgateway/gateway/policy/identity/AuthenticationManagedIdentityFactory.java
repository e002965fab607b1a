package dev.mcpgateway.gateway.policy.identity;

import dev.mcpgateway.auth.backend.ClientCredentialsSettings;
import dev.mcpgateway.auth.backend.IdentityEndpoint;
import dev.mcpgateway.auth.backend.ManagedIdentitySettings;
import dev.mcpgateway.auth.backend.ManagedIdentityTokenSource;
import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles {@code authentication-managed-identity}. Tokens come from this process's Azure identity endpoint (App
 * Service and Container Apps name theirs in the environment; elsewhere it is the Instance Metadata Service), the
 * same one backend credentials of type {@code managedIdentity} use.
 */
@Singleton
public final class AuthenticationManagedIdentityFactory implements PolicyFactory {

    private final IdentityEndpoint endpoint;

    @Inject
    public AuthenticationManagedIdentityFactory() {
        this(IdentityEndpoint.fromEnvironment(System::getenv));
    }

    public AuthenticationManagedIdentityFactory(IdentityEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Set<String> elements() {
        return Set.of("authentication-managed-identity");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        // text only (the catalog takes no expression): a token is fetched and kept per resource
        Expression resource = element.attribute("resource");
        String audience = resource.evaluateText(null).strip();
        if (audience.isEmpty()) {
            throw new PolicyDocumentException(element.name(), element.line(), "the attribute 'resource' is empty");
        }
        ManagedIdentityTokenSource tokens = new ManagedIdentityTokenSource(new ManagedIdentitySettings(audience,
                text(element.attribute("client-id")), endpoint, ClientCredentialsSettings.DEFAULT_TIMEOUT));
        return new AuthenticationManagedIdentity(tokens, text(element.attribute("output-token-variable-name"))
                .orElse(null), Condition.compile(element, "ignore-error", false));
    }

    private static Optional<String> text(Expression literal) {
        String text = literal == null ? null : literal.evaluateText(null);
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
