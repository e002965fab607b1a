package dev.mcpgateway.gateway.execution;

import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.CredentialUnavailableException;
import dev.mcpgateway.auth.backend.OnBehalfOfCredential;
import dev.mcpgateway.gateway.catalog.CallContext;
import java.util.Optional;

/**
 * Turns an API's on-behalf-of credential into a concrete one for the caller of one tool call (a token obtained with
 * the caller's upstream identity). The MCP client's own token is never what reaches the backend.
 */
@FunctionalInterface
public interface UserDelegation {

    BackendCredential forCaller(OnBehalfOfCredential credential, Optional<CallContext.Caller> caller)
            throws CredentialUnavailableException;

    /** Without an upstream identity provider there is nobody to ask. */
    UserDelegation UNAVAILABLE = (credential, caller) -> {
        throw new CredentialUnavailableException("on-behalf-of needs gateway.auth.upstream to be configured");
    };
}
