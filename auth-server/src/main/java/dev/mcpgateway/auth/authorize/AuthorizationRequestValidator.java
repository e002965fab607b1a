package dev.mcpgateway.auth.authorize;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import dev.mcpgateway.auth.client.Clients;
import dev.mcpgateway.auth.client.RedirectUris;
import dev.mcpgateway.auth.client.RegisteredClient;
import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ProtectedResources;
import dev.mcpgateway.auth.store.Hashing;
import dev.mcpgateway.auth.token.Pkce;
import dev.mcpgateway.auth.token.ResourceSelection;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an authorization request in the RFC 6749 4.1.2.1 order: client and redirect URI first (failures there
 * get an error page and never a redirect, checklist 20), then everything else is reported to the now-trusted
 * redirect URI: response type, PKCE S256 (checklist 18), resource (RFC 8707, checklist 24).
 */
public final class AuthorizationRequestValidator {

    /** The outcome: a pending authorization, an error for the redirect URI, or an error page. */
    public sealed interface Outcome {
        record Valid(PendingAuthorization pending) implements Outcome {
        }

        record RedirectError(String redirectUri, ErrorObject error, String state) implements Outcome {
        }

        record ErrorPage(String message) implements Outcome {
        }
    }

    private final Clients clients;
    private final ProtectedResources resources;

    public AuthorizationRequestValidator(Clients clients, ProtectedResources resources) {
        this.clients = clients;
        this.resources = resources;
    }

    public Outcome validate(Map<String, String> query) {
        Optional<RegisteredClient> client = clients.find(query.get("client_id"));
        if (client.isEmpty()) {
            return new Outcome.ErrorPage("This application is not registered with the gateway. "
                    + "Remove the server from your client and add it again.");
        }
        String requestedRedirect = query.get("redirect_uri");
        boolean redirectGiven = requestedRedirect != null;
        if (requestedRedirect == null && client.get().redirectUris().size() == 1) {
            requestedRedirect = client.get().redirectUris().getFirst();
        }
        Optional<String> redirect = RedirectUris.match(client.get().redirectUris(), requestedRedirect);
        if (redirect.isEmpty()) {
            return new Outcome.ErrorPage("The redirect address of this sign-in request is not registered for the "
                    + "application, so the gateway will not send you there.");
        }
        String state = query.get("state");
        String redirectUri = redirect.get();
        if (!"code".equals(query.get("response_type"))) {
            return new Outcome.RedirectError(redirectUri, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE
                    .setDescription("only response_type=code is supported"), state);
        }
        if (!client.get().allowsGrant("authorization_code")) {
            return new Outcome.RedirectError(redirectUri, OAuth2Error.UNAUTHORIZED_CLIENT, state);
        }
        String challenge = query.get("code_challenge");
        if (challenge == null || !"S256".equals(query.get("code_challenge_method"))) {
            return new Outcome.RedirectError(redirectUri, OAuth2Error.INVALID_REQUEST
                    .setDescription("PKCE with code_challenge_method=S256 is required"), state);
        }
        if (!Pkce.isWellFormedS256Challenge(challenge)) {
            return new Outcome.RedirectError(redirectUri, OAuth2Error.INVALID_REQUEST
                    .setDescription("code_challenge is not a S256 challenge"), state);
        }
        Optional<ProtectedResource> resource = ResourceSelection.resolve(resources, query.get("resource"),
                client.get().clientId());
        if (resource.isEmpty()) {
            return new Outcome.RedirectError(redirectUri, OAuth2Error.INVALID_TARGET
                    .setDescription("the resource is not an MCP server of this gateway"), state);
        }
        return new Outcome.Valid(new PendingAuthorization(Hashing.randomToken(24), client.get().clientId(),
                client.get().displayName(), redirectUri, redirectGiven, state, challenge, resource.get().url(),
                resource.get().name(), ResourceSelection.grantedScopes(resource.get(), query.get("scope")), null));
    }
}
