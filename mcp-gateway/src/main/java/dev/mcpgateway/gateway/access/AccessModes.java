package dev.mcpgateway.gateway.access;

import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import dev.mcpgateway.gateway.config.ServerAccess;
import dev.mcpgateway.gateway.state.GatewayState;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The effective access mode of each MCP server: what its definition says, else OAuth when an authorization server
 * (local or remote) validates tokens, else none.
 */
@Singleton
public class AccessModes {

    private final GatewayState state;
    private final boolean tokensValidated;

    public AccessModes(GatewayState state, BeanProvider<AccessTokenValidator> validator) {
        this.state = state;
        this.tokensValidated = validator.isPresent();
    }

    /** The definition's access settings and the mode in force; empty for a server that does not exist. */
    public Optional<Effective> of(String serverName) {
        return state.server(serverName).map(entry -> effective(entry.value()));
    }

    Effective effective(McpServerDefinition definition) {
        ServerAccess access = definition.access();
        ServerAccess.Mode mode = access.mode()
                .orElse(tokensValidated ? ServerAccess.Mode.OAUTH : ServerAccess.Mode.NONE);
        return new Effective(definition.name(), mode, access);
    }

    public boolean tokensValidated() {
        return tokensValidated;
    }

    /** The mode in force for one server, with the settings it came from. */
    public record Effective(String server, ServerAccess.Mode mode, ServerAccess access) {
    }
}
