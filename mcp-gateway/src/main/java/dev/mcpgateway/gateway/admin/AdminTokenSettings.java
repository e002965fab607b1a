package dev.mcpgateway.gateway.admin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * {@code gateway.admin.*}: who may call the admin API with an access token of the gateway's own authorization server
 * instead of the admin key. Tokens are accepted only when {@code gateway.auth.issuer} is set and {@code clients}
 * names at least one client: dynamic registration is open to anyone, so the scope alone must not make an admin.
 */
@ConfigurationProperties(AdminTokenSettings.PREFIX)
public interface AdminTokenSettings {

    String PREFIX = "gateway.admin";
    String DEFAULT_SCOPE = "gateway.admin";

    /** The scope an admin token carries. */
    @Bindable(defaultValue = DEFAULT_SCOPE)
    String getScope();

    /**
     * Client ids that may get admin tokens (and whose admin tokens are accepted): machine clients using the
     * client_credentials grant. Empty: the admin key only.
     */
    @Nullable
    List<String> getClients();
}
