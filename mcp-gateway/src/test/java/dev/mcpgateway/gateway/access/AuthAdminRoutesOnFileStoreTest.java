package dev.mcpgateway.gateway.access;

import java.util.Map;

/** The authorization server's admin routes with its state in files under the data directory (the default). */
class AuthAdminRoutesOnFileStoreTest extends AuthAdminRoutesContract {

    @Override
    Map<String, Object> storeProperties() {
        return Map.of("gateway.auth.store", "file");
    }
}
