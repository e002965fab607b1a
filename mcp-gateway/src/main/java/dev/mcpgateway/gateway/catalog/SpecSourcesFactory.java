package dev.mcpgateway.gateway.catalog;

import dev.mcpgateway.auth.client.ssrf.AddressPolicy;
import dev.mcpgateway.auth.client.ssrf.GuardedGet;
import dev.mcpgateway.auth.client.ssrf.HostResolver;
import dev.mcpgateway.auth.client.ssrf.Network;
import dev.mcpgateway.auth.client.ssrf.PinnedFetch;
import dev.mcpgateway.gateway.startup.GatewaySettings;
import dev.mcpgateway.openapi.LocalFiles;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Builds the spec source rules from {@code gateway.spec-sources.*} and the gateway.yml location. */
@Factory
public class SpecSourcesFactory {

    /** The seam through which tests stand in a resolver, as the Client ID Metadata Document tests do. */
    @Singleton
    HostResolver specHostResolver() {
        return HostResolver.SYSTEM;
    }

    @Singleton
    SpecSourceRules specSourceRules(SpecSourceSettings settings, GatewaySettings gateway, HostResolver resolver) {
        AddressPolicy admitted;
        try {
            admitted = new AddressPolicy(Network.parseAll(settings.getAllowedNetworks()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(SpecSourceSettings.PREFIX + ".allowed-networks" + e.getMessage());
        }
        AddressPolicy anywhere = AddressPolicy.publicOnly()
                .alsoAllowing(List.of(Network.parse("0.0.0.0/0"), Network.parse("::/0")));
        return new SpecSourceRules(
                new SpecSources(fetch(settings, resolver, anywhere), LocalFiles.ANYWHERE),
                new SpecSources(fetch(settings, resolver, admitted), adminFiles(settings, gateway)));
    }

    private static GuardedGet fetch(SpecSourceSettings settings, HostResolver resolver, AddressPolicy policy) {
        PinnedFetch pinned = new PinnedFetch(PinnedFetch.jvmTls(), settings.getConnectTimeout(), settings.getTimeout(),
                settings.getMaxBytes());
        return new GuardedGet(resolver, policy, Set.of("https", "http"), pinned, settings.getMaxRedirects());
    }

    private static LocalFiles adminFiles(SpecSourceSettings settings, GatewaySettings gateway) {
        if (!settings.isLocalFiles()) {
            return LocalFiles.NONE;
        }
        if (settings.getFolder() != null && !settings.getFolder().isBlank()) {
            return LocalFiles.under(Path.of(settings.getFolder()), settings.getMaxBytes());
        }
        return gateway.configFile()
                .map(file -> LocalFiles.under(file.toAbsolutePath().getParent(), settings.getMaxBytes()))
                .orElse(LocalFiles.NONE);
    }
}
