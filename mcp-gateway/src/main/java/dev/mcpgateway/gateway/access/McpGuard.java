package dev.mcpgateway.gateway.access;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.BearerChallenge;
import dev.mcpgateway.auth.resource.ProtectedResourceMetadata;
import dev.mcpgateway.auth.resource.TokenCheck;
import dev.mcpgateway.auth.resource.TokenPrincipal;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.config.ServerAccess;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether one MCP request may reach its server, by the server's access mode. A value in, a verdict out:
 * the filter renders it.
 */
@Singleton
public class McpGuard {

    private static final Logger LOG = LoggerFactory.getLogger(McpGuard.class);
    static final List<String> KEY_HEADERS = List.of("api-key", "Ocp-Apim-Subscription-Key");

    /** Admit with the caller (none in mode none), or refuse with a status and maybe a challenge. */
    public sealed interface Verdict {
        record Admit(Optional<CallContext.Caller> caller) implements Verdict {
        }

        record Refuse(int status, Optional<String> challenge, String message) implements Verdict {
        }
    }

    private static final Verdict OPEN = new Verdict.Admit(Optional.empty());

    private final AccessModes modes;
    private final ResourceDirectory resources;
    private final BeanProvider<AccessTokenValidator> validator;

    public McpGuard(AccessModes modes, ResourceDirectory resources, BeanProvider<AccessTokenValidator> validator) {
        this.modes = modes;
        this.resources = resources;
        this.validator = validator;
    }

    public Verdict check(String server, HttpHeaders headers) {
        Optional<AccessModes.Effective> access = modes.of(server);
        if (access.isEmpty()) {
            return OPEN; // the MCP route answers 404 for an unknown server
        }
        return switch (access.get().mode()) {
            case NONE -> OPEN;
            case SUBSCRIPTION_KEY -> subscriptionKey(access.get().access(), headers);
            case OAUTH -> oauth(server, headers.get(HttpHeaders.AUTHORIZATION));
        };
    }

    private static Verdict subscriptionKey(ServerAccess access, HttpHeaders headers) {
        for (String header : KEY_HEADERS) {
            String presented = headers.get(header);
            if (presented != null && access.acceptsKey(presented)) {
                // the key's identity (a prefix of its hash) owns the sessions it opens
                String id = ServerAccess.hash(presented.strip()).substring(7, 23);
                return new Verdict.Admit(Optional.of(new CallContext.Caller("subscription-key:" + id, Set.of(),
                        Map.of())));
            }
        }
        return new Verdict.Refuse(401, Optional.empty(),
                "Access denied: a valid subscription key is required (api-key or Ocp-Apim-Subscription-Key header)");
    }

    private Verdict oauth(String server, String authorization) {
        if (!validator.isPresent()) {
            // named once at start-up by OpenAccessWarning; not repeated on every request
            LOG.debug("MCP server '{}' requires OAuth but no authorization server is configured", server);
            return new Verdict.Refuse(503, Optional.empty(), "Authentication is not available");
        }
        ProtectedResource resource = resources.resource(server);
        String metadata = ProtectedResourceMetadata.metadataUrlFor(resource.url());
        List<String> serverScope = List.of(resource.scopes().getFirst());
        TokenCheck check = validator.get().check(authorization, resource.url(), serverScope);
        if (check instanceof TokenCheck.Accepted accepted) {
            return new Verdict.Admit(Optional.of(caller(accepted.principal())));
        }
        if (check instanceof TokenCheck.Unauthenticated u && u.tokenPresented()) {
            LOG.debug("token refused for MCP server '{}': {}", server, u.reason());
        }
        int status = BearerChallenge.statusFor(check);
        return new Verdict.Refuse(status, Optional.of(BearerChallenge.forCheck(check, metadata, resource.scopes())),
                status == 403 ? "Forbidden: insufficient scope" : "Unauthorized");
    }

    static CallContext.Caller caller(TokenPrincipal principal) {
        return new CallContext.Caller(principal.subject(), principal.scopes(), principal.claims());
    }
}
