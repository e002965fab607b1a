package dev.mcpgateway.auth;

import dev.mcpgateway.auth.client.Clients;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.store.AuthStateStore;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * Builds, when the application starts, the beans whose configuration can be wrong, so that a wrong store key or a
 * malformed metadata-document allow-list stops start-up with the setting named rather than failing a request.
 * Neither writes anything or reaches the network.
 */
@Context
@Requires(property = AuthServerConfig.ISSUER)
public class StartupChecks {

    public StartupChecks(AuthStateStore store, Clients clients) {
        // injecting them is the whole job: their factories check the configuration as they build them
    }
}
