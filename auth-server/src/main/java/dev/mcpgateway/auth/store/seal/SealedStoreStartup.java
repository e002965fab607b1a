package dev.mcpgateway.auth.store.seal;

import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.store.AuthStateStore;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/** Opens the auth store when the application starts, so a wrong store key stops start-up rather than a request. */
@Context
@Requires(property = AuthServerConfig.ISSUER)
public class SealedStoreStartup {

    public SealedStoreStartup(AuthStateStore store) {
        // injecting the store is the whole job: the factory checks the key as it opens it
    }
}
