package dev.mcpgateway.gateway.access;

import dev.mcpgateway.gateway.config.ServerAccess;
import dev.mcpgateway.gateway.state.GatewayState;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Names, at start-up, every MCP server anyone can call, and OAuth servers nothing can validate tokens for. */
@Singleton
public class OpenAccessWarning {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAccessWarning.class);

    private final GatewayState state;
    private final AccessModes modes;

    public OpenAccessWarning(GatewayState state, AccessModes modes) {
        this.state = state;
        this.modes = modes;
    }

    @EventListener
    public void onStartup(ServerStartupEvent event) {
        for (GatewayState.Entry<dev.mcpgateway.gateway.config.McpServerDefinition> entry : state.servers()) {
            AccessModes.Effective effective = modes.effective(entry.value());
            if (effective.mode() == ServerAccess.Mode.NONE) {
                LOG.warn("MCP server '{}' has no authentication (auth mode none{}): anyone who can reach the gateway "
                        + "can call its tools. For local use only.", effective.server(),
                        effective.access().mode().isEmpty() ? ", because no authorization server is configured" : "");
            } else if (effective.mode() == ServerAccess.Mode.OAUTH && !modes.tokensValidated()) {
                LOG.warn("MCP server '{}' requires OAuth but gateway.auth.issuer / gateway.auth.remote-issuer is not "
                        + "set: every request to it is refused", effective.server());
            }
        }
    }
}
