package dev.mcpgateway.gateway.resource;

import dev.mcpgateway.auth.backend.CredentialConfigException;
import dev.mcpgateway.auth.backend.NamedValueSource;
import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.auth.backend.SecretResolver;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named values among the resources, as the one resolver reads {@code {{name}}}. A value holding {@code ${ENV}}
 * references is expanded from the environment when it is used, so a secret injected into the process never has to
 * be written into gateway.yml or the store; a named value never refers to another one.
 */
public final class NamedValues implements NamedValueSource {

    private static final Logger LOG = LoggerFactory.getLogger(NamedValues.class);

    private final Supplier<ResourceSet> resources;
    private final SecretResolver environment;

    /** @param resources the set to read: the current one, or the one a change is being compiled against */
    public NamedValues(Supplier<ResourceSet> resources, Function<String, String> environment) {
        this.resources = resources;
        this.environment = new SecretResolver(environment);
    }

    @Override
    public Optional<Secret> value(String name) {
        Optional<String> value = resources.get().get(ResourceKind.NAMED_VALUES, name).map(r -> r.text("value"));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(environment.resolve("named-values." + name + ".value", value.get()));
        } catch (CredentialConfigException e) {
            LOG.warn("named value '{}' cannot be used: {}", name, e.reason());
            return Optional.empty();
        }
    }
}
