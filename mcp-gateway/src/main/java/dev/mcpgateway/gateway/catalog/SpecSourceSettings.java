package dev.mcpgateway.gateway.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Where specs given through {@code PUT /admin/apis/{id}} may come from, bound from {@code gateway.spec-sources.*}.
 * gateway.yml's own specs are the operator's and are not confined (see {@link SpecSources}).
 */
@ConfigurationProperties(SpecSourceSettings.PREFIX)
public interface SpecSourceSettings {

    String PREFIX = "gateway.spec-sources";
    int DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
    String DEFAULT_CONNECT_TIMEOUT = "5s";
    String DEFAULT_TIMEOUT = "30s";
    int DEFAULT_MAX_REDIRECTS = 5;

    /**
     * Networks (CIDR blocks or addresses, as {@code gateway.auth.client-metadata-allowed-networks}) a spec URL may
     * reach besides public addresses: an intranet registry, a backend serving its own description.
     */
    @Nullable
    List<String> getAllowedNetworks();

    /** The folder local spec files may be read from; unset: gateway.yml's folder (none without a gateway.yml). */
    @Nullable
    String getFolder();

    /** False: no local spec files at all through the admin API, whatever the folder. */
    @Bindable(defaultValue = "true")
    boolean isLocalFiles();

    /** Largest spec document read, fetched or local. */
    @Bindable(defaultValue = "" + DEFAULT_MAX_BYTES)
    int getMaxBytes();

    @Bindable(defaultValue = DEFAULT_CONNECT_TIMEOUT)
    Duration getConnectTimeout();

    /** The whole of one request (connect, send, read the answer); each redirect is a new request. */
    @Bindable(defaultValue = DEFAULT_TIMEOUT)
    Duration getTimeout();

    @Bindable(defaultValue = "" + DEFAULT_MAX_REDIRECTS)
    int getMaxRedirects();
}
