package dev.mcpgateway.auth.upstream;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.mcpgateway.auth.discovery.ProviderDiscovery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The upstream provider's OIDC metadata, discovered on first use (never at start-up, so a gateway boots without
 * reaching the IdP) and kept. Entra's v2.0 discovery URL is derived from instance and tenant.
 */
public final class UpstreamProvider {

    private final String discoveryIssuer;
    private volatile OIDCProviderMetadata metadata;

    public UpstreamProvider(UpstreamConfig config) {
        this.discoveryIssuer = discoveryIssuer(config);
    }

    static String discoveryIssuer(UpstreamConfig config) {
        if (config.getIssuer().isPresent()) {
            return trimSlash(config.getIssuer().get());
        }
        String tenant = config.getTenantId().orElseThrow(() -> new IllegalStateException(
                "gateway.auth.upstream needs either issuer (any OIDC provider) or tenant-id (Entra ID)"));
        String instance = config.getInstance().endsWith("/") ? config.getInstance() : config.getInstance() + "/";
        return instance + tenant + "/v2.0";
    }

    public OIDCProviderMetadata metadata() {
        OIDCProviderMetadata known = metadata;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (metadata == null) {
                metadata = fetch();
            }
            return metadata;
        }
    }

    private OIDCProviderMetadata fetch() {
        try {
            return ProviderDiscovery.fetch(URI.create(discoveryIssuer + "/.well-known/openid-configuration"));
        } catch (IOException e) {
            throw new UncheckedIOException("upstream discovery failed for " + discoveryIssuer, e);
        } catch (ParseException e) {
            throw new IllegalStateException("upstream discovery document is invalid at " + discoveryIssuer, e);
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
