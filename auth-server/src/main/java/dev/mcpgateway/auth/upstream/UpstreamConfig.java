package dev.mcpgateway.auth.upstream;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Optional;

/**
 * {@code gateway.auth.upstream.*}: the identity provider users sign in with. Named as Entra ID users know them
 * (the {@code AzureAd} section of Microsoft's samples): {@code instance}, {@code tenant-id}, {@code client-id},
 * {@code client-secret}; or any OIDC provider by {@code issuer}. A federated credential (workload identity) is a
 * {@code client-assertion-file} whose content is sent as the client assertion.
 */
@ConfigurationProperties(UpstreamConfig.PREFIX)
public interface UpstreamConfig {

    String PREFIX = "gateway.auth.upstream";
    String CLIENT_ID = PREFIX + ".client-id";
    String DEFAULT_INSTANCE = "https://login.microsoftonline.com/";

    /** A generic OIDC issuer; when set, Entra settings ({@code instance}, {@code tenant-id}) are not used. */
    Optional<String> getIssuer();

    @Bindable(defaultValue = DEFAULT_INSTANCE)
    String getInstance();

    Optional<String> getTenantId();

    Optional<String> getClientId();

    Optional<String> getClientSecret();

    /** A PEM file with the app's certificate and PKCS#8 private key (Entra "certificate" credential). */
    Optional<String> getClientCertificatePath();

    /** A file holding a signed JWT to authenticate with (e.g. AZURE_FEDERATED_TOKEN_FILE); re-read on each use. */
    Optional<String> getClientAssertionFile();

    /** Extra scopes to ask the provider for, e.g. {@code api://<app-id>/.default} for on-behalf-of later. */
    @Bindable(defaultValue = "")
    List<String> getScopes();

    /**
     * How backend tokens are obtained for a user: {@code entra-obo} (Entra on-behalf-of, the default when
     * {@code tenant-id} is set) or {@code token-exchange} (RFC 8693, the default otherwise).
     */
    Optional<String> getDelegation();

    /** Display name of the provider on pages and in logs. */
    @Bindable(defaultValue = "Microsoft Entra ID")
    String getDisplayName();
}
