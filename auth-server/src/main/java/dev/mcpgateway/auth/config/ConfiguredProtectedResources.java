package dev.mcpgateway.auth.config;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The resources declared under {@code gateway.auth.resources}, compiled once at start-up. */
@Singleton
public class ConfiguredProtectedResources implements ProtectedResources {

    private final List<ProtectedResource> resources;
    private final Optional<String> defaultUrl;

    public ConfiguredProtectedResources(List<ResourceProperties> properties, AuthServerConfig config) {
        this.resources = properties.stream()
                .map(p -> new ProtectedResource(p.getName(), p.getUrl() == null ? "" : p.getUrl(), p.getScopes()))
                .sorted(Comparator.comparing(ProtectedResource::name))
                .toList();
        this.defaultUrl = config.getDefaultResource();
    }

    @Override
    public List<ProtectedResource> all() {
        return resources;
    }

    @Override
    public Optional<ProtectedResource> defaultResource() {
        if (defaultUrl.isPresent()) {
            return find(defaultUrl.get());
        }
        return resources.stream().findFirst();
    }
}
