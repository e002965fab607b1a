package dev.mcpgateway.gateway.access;

import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.BearerCredential;
import dev.mcpgateway.auth.backend.CredentialUnavailableException;
import dev.mcpgateway.auth.backend.OnBehalfOfCredential;
import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.auth.obo.BackendToken;
import dev.mcpgateway.auth.obo.DelegationException;
import dev.mcpgateway.auth.obo.OnBehalfOfBroker;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.execution.UserDelegation;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * On-behalf-of through the authorization server's broker: the caller's subject finds the upstream session kept at
 * login, which the identity provider exchanges for a token for the backend (Entra OBO or RFC 8693).
 */
@Singleton
public class BrokeredDelegation implements UserDelegation {

    private final BeanProvider<OnBehalfOfBroker> broker;

    public BrokeredDelegation(BeanProvider<OnBehalfOfBroker> broker) {
        this.broker = broker;
    }

    @Override
    public BackendCredential forCaller(OnBehalfOfCredential credential, Optional<CallContext.Caller> caller)
            throws CredentialUnavailableException {
        if (!broker.isPresent()) {
            return UNAVAILABLE.forCaller(credential, caller);
        }
        if (caller.isEmpty()) {
            throw new CredentialUnavailableException("on-behalf-of needs a caller signed in with OAuth");
        }
        Optional<BackendToken> token;
        try {
            token = broker.get().tokenFor(caller.get().subject(),
                    new OnBehalfOfBroker.Target(credential.scope().orElse(null), credential.audience().orElse(null)));
        } catch (DelegationException e) {
            throw new CredentialUnavailableException(e.getMessage(), e);
        }
        return new BearerCredential(Secret.of(token.orElseThrow(() -> new CredentialUnavailableException(
                "the caller has no upstream session to act on (signed in with a subscription key, or expired)"))
                .value()));
    }
}
