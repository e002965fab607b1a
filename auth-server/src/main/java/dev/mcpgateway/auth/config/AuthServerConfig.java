package dev.mcpgateway.auth.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code gateway.auth.*}: the authorization server. Nothing in the auth server starts unless {@code issuer} is set,
 * so a gateway without auth configuration pays nothing for it.
 */
@ConfigurationProperties(AuthServerConfig.PREFIX)
public interface AuthServerConfig {

    String PREFIX = "gateway.auth";
    String ISSUER = PREFIX + ".issuer";
    String DEFAULT_DATA_DIR = "data/auth";

    /** The public base URL, byte-identical in metadata, PRM and the JWT {@code iss} (no trailing slash). */
    String getIssuer();

    /** Where the file store keeps clients, codes, refresh tokens, consents and keys. */
    @Bindable(defaultValue = DEFAULT_DATA_DIR)
    String getDataDir();

    /** {@code file} (default) or {@code redis} (uses the Micronaut {@code redis.uri} connection). */
    @Bindable(defaultValue = "file")
    String getStore();

    /**
     * The AES-256 key (base64 of 32 bytes) sealing the store's secrets (signing keys, upstream tokens); env
     * {@code GATEWAY_AUTH_STORE_KEY}. Unset: generated once into {@code <data-dir>/store.key}, owner-only.
     */
    @Nullable
    String getStoreKey();

    @Bindable(defaultValue = "PT1H")
    Duration getAccessTokenTtl();

    @Bindable(defaultValue = "P30D")
    Duration getRefreshTokenTtl();

    @Bindable(defaultValue = "PT1M")
    Duration getCodeTtl();

    /** How long the consent page and the upstream login may take before the request expires. */
    @Bindable(defaultValue = "PT10M")
    Duration getLoginTtl();

    /** Signing keys older than this are retired (still served until the tokens they signed expire). */
    @Bindable(defaultValue = "P30D")
    Duration getKeyRotation();

    /** The canonical MCP URL used when a client omits {@code resource}; the first configured resource otherwise. */
    Optional<String> getDefaultResource();

    /**
     * TEST ONLY: lets Client ID Metadata Documents be fetched from loopback over HTTP. Never set in production: it
     * opens the SSRF guard.
     */
    @Bindable(defaultValue = "false")
    boolean isAllowLoopbackClientMetadata();

    /**
     * Networks (CIDR, e.g. {@code 10.20.0.0/16}) that Client ID Metadata Documents may be fetched from although they
     * are not public: intranet hosts serving client documents. Empty by default: public addresses only.
     */
    @Nullable
    java.util.List<String> getClientMetadataAllowedNetworks();

    /** Marks the consent cookies {@code Secure} (the {@code __Host-} prefix needs it); off only for plain-HTTP dev. */
    @Bindable(defaultValue = "true")
    boolean isSecureCookies();

    @Nullable
    String getConsentProductName();
}
