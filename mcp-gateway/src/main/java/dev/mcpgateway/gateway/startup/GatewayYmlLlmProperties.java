package dev.mcpgateway.gateway.startup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.config.GatewayYaml;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.config.LlmProxySettings;
import io.micronaut.context.annotation.BootstrapContextCompatible;
import io.micronaut.context.env.BootstrapPropertySourceLocator;
import io.micronaut.context.env.CommandLinePropertySource;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Makes the proxy-wide keys of gateway.yml's {@code llm:} section (size caps, retry, token limits, cache, metric
 * dimensions, auth product rules) {@code llm.*} properties of the application, before any bean reads them: every
 * LLM proxy bean then binds them exactly as if they came from application.yml. It runs in Micronaut's bootstrap
 * phase, which is where configuration is located from outside application.yml, and only sees
 * {@code gateway.config-file} (as given on the command line, in properties, the environment or system properties).
 *
 * <p>The values win over every other source of {@code llm.*} properties, as declared resources win over properties
 * (gateway.yml is the layer above them). They are read once, at start-up: a changed file needs a restart.
 */
@Singleton
@BootstrapContextCompatible
public class GatewayYmlLlmProperties implements BootstrapPropertySourceLocator {

    /** Above application files, environment variables, system properties and the command line. */
    static final int ORDER = CommandLinePropertySource.POSITION + 100;

    @Override
    public Iterable<PropertySource> findPropertySources(Environment environment) throws ConfigurationException {
        String configFile = environment.getProperty("gateway.config-file", String.class).orElse("");
        Path file = configFile.isBlank() ? null : Path.of(configFile);
        if (file == null || !Files.isRegularFile(file)) {
            return List.of(); // a missing file is reported by the gateway's own loader, with the rest of the file
        }
        JsonNode root;
        try {
            root = GatewayYaml.tree(file);
        } catch (InvalidDefinitionException | IOException e) {
            return List.of(); // not YAML: likewise reported by the gateway's loader
        }
        try {
            Map<String, Object> properties = LlmProxySettings.properties(root.path("llm"), file.toString());
            return properties.isEmpty() ? List.of()
                    : List.of(PropertySource.of(file + " (llm)", properties, ORDER));
        } catch (InvalidDefinitionException e) {
            throw new ConfigurationException("invalid configuration: " + e.field() + ": " + e.getMessage());
        }
    }
}
