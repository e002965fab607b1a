package dev.mcpgateway.gateway.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.admin.AdminKey;
import dev.mcpgateway.gateway.catalog.GatewayCatalog;
import dev.mcpgateway.gateway.catalog.OpenApiCompiler;
import dev.mcpgateway.gateway.catalog.ServerAssembler;
import dev.mcpgateway.gateway.config.DefinitionCodec;
import dev.mcpgateway.gateway.config.GatewayYaml;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.execution.ToolExecutor;
import dev.mcpgateway.gateway.state.GatewayState;
import dev.mcpgateway.gateway.store.ConfigStore;
import dev.mcpgateway.gateway.store.FileConfigStore;
import dev.mcpgateway.gateway.store.StoredState;
import dev.mcpgateway.openapi.OpenApiImporter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Wires the gateway's plain-Java parts into Micronaut beans and loads the configuration at start-up. */
@Factory
public class GatewayFactory {

    @Singleton
    GatewaySettings settings(@Value("${gateway.config-file:}") String configFile,
                             @Value("${gateway.data-dir:" + GatewaySettings.DEFAULT_DATA_DIR + "}") String dataDir,
                             @Value("${gateway.samples:false}") boolean samples) {
        return new GatewaySettings(configFile.isBlank() ? Optional.empty() : Optional.of(Path.of(configFile)),
                Path.of(dataDir), samples);
    }

    @Singleton
    DefinitionCodec definitionCodec(ObjectMapper json) {
        return new DefinitionCodec(json);
    }

    @Singleton
    @Bean(preDestroy = "close")
    ToolExecutor toolExecutor() {
        return new ToolExecutor(Duration.ofSeconds(10));
    }

    @Singleton
    GatewayCatalog gatewayCatalog() {
        return new GatewayCatalog();
    }

    @Singleton
    ConfigStore configStore(GatewaySettings settings, DefinitionCodec codec, ObjectMapper json) {
        return new FileConfigStore(settings.dataDir(), codec, json);
    }

    @Singleton
    AdminKey adminKey(@Value("${gateway.admin.key:}") String configured) {
        String fromEnvironment = System.getenv("GATEWAY_ADMIN_KEY");
        return AdminKey.resolve(Optional.ofNullable(fromEnvironment).filter(k -> !k.isBlank())
                .or(() -> Optional.of(configured)));
    }

    @Singleton
    @Bean(preDestroy = "close")
    SamplesRuntime samplesRuntime() {
        return new SamplesRuntime();
    }

    /** Eager: the catalog is full before the server takes its first request, and a bad gateway.yml stops start-up. */
    @Context
    GatewayState gatewayState(GatewaySettings settings, DefinitionCodec codec, ObjectMapper json,
                              ToolExecutor executor, GatewayCatalog catalog, ConfigStore store,
                              SamplesRuntime samples) {
        try {
            GatewayYaml.Loaded declared = settings.configFile().isPresent()
                    ? new GatewayYaml(codec, json).load(settings.configFile().get())
                    : GatewayYaml.Loaded.none();
            StoredState resources = declared.declared();
            if (settings.samples() || declared.samples()) {
                samples.start();
                resources = SamplesRuntime.withSampleShop(resources);
            }
            GatewayState state = new GatewayState(new OpenApiCompiler(new OpenApiImporter(), samples::variable),
                    new ServerAssembler(executor), store, catalog);
            state.load(resources, declared.origin());
            return state;
        } catch (InvalidDefinitionException e) {
            throw new IllegalStateException("invalid configuration: " + e.field() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration", e);
        }
    }
}
