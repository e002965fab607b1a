package dev.mcpgateway.gateway.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.seal.Sealer;
import dev.mcpgateway.auth.store.seal.SealingAuthStateStore;
import dev.mcpgateway.gateway.admin.AdminKey;
import dev.mcpgateway.gateway.catalog.GatewayCatalog;
import dev.mcpgateway.gateway.catalog.OpenApiCompiler;
import dev.mcpgateway.gateway.catalog.OperationRunner;
import dev.mcpgateway.gateway.catalog.ServerAssembler;
import dev.mcpgateway.gateway.catalog.SpecSourceRules;
import dev.mcpgateway.gateway.config.DefinitionCodec;
import dev.mcpgateway.gateway.config.GatewayYaml;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.execution.ToolExecutor;
import dev.mcpgateway.gateway.execution.UserDelegation;
import dev.mcpgateway.gateway.mcp.protocol.ToolFilter;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.resource.ManagementState;
import dev.mcpgateway.gateway.resource.NamedValues;
import dev.mcpgateway.gateway.resource.ResourceStore;
import dev.mcpgateway.gateway.resource.ResourceType;
import dev.mcpgateway.gateway.resource.llm.LlmResourceRuntime;
import dev.mcpgateway.gateway.resource.types.ResourceTypes;
import dev.mcpgateway.gateway.state.GatewayState;
import dev.mcpgateway.gateway.store.ConfigStore;
import dev.mcpgateway.gateway.store.FileConfigStore;
import dev.mcpgateway.gateway.store.LegacyLlmStore;
import dev.mcpgateway.gateway.store.RedisConfigStore;
import dev.mcpgateway.gateway.store.StoredState;
import dev.mcpgateway.llm.api.LlmApiRegistry;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.balance.PoolRegistry;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.route.RouteTable;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    ToolExecutor toolExecutor(UserDelegation delegation) {
        return new ToolExecutor(Duration.ofSeconds(10), delegation);
    }

    @Singleton
    GatewayCatalog gatewayCatalog() {
        return new GatewayCatalog();
    }

    /**
     * {@code gateway.store.type: file} (default: the data directory) or {@code redis} (shared by every instance,
     * {@code gateway.store.redis-uri}, keys under {@code gateway.store.key-prefix}).
     */
    @Singleton
    @Bean(preDestroy = "close")
    ConfigStore configStore(GatewaySettings settings, DefinitionCodec codec, ObjectMapper json,
                            @Value("${gateway.store.type:file}") String type,
                            @Value("${gateway.store.redis-uri:}") String redisUri,
                            @Value("${gateway.store.key-prefix:mcpgw:config:}") String keyPrefix) {
        return switch (type) {
            case "file" -> new FileConfigStore(settings.dataDir(), codec, json);
            case "redis" -> {
                if (redisUri.isBlank()) {
                    throw new IllegalStateException("invalid configuration: gateway.store.redis-uri is required "
                            + "when gateway.store.type is redis");
                }
                yield new RedisConfigStore(redisUri, keyPrefix, codec, json);
            }
            default -> throw new IllegalStateException("invalid configuration: gateway.store.type must be file or "
                    + "redis, not '" + type + "'");
        };
    }

    /** The kinds of resource of the one management model, with the rules each one's properties follow. */
    @Singleton
    List<ResourceType> resourceTypes() {
        return ResourceTypes.all();
    }

    /**
     * Secret values are sealed under the authorization server's store key: one key for all secrets at rest. The LLM
     * proxy serves the model side of the resources, the policy engine their policy documents.
     */
    @Singleton
    ManagementState managementState(List<ResourceType> resourceTypes, ConfigStore store, AuthStateStore auth,
                                    BackendRegistry backends, PoolRegistry pools, RouteTable routes,
                                    LlmApiRegistry apis, ConsumerDirectory consumers, SamplesRuntime samples,
                                    PolicyEngine policies, ObjectMapper json) {
        Sealer sealer = ((SealingAuthStateStore) auth).sealer();
        ResourceStore resources = new ResourceStore(store, sealer, resourceTypes);
        try {
            LegacyLlmStore.migrate(store, resources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the LLM state an earlier version stored", e);
        }
        return new ManagementState(resourceTypes, resources,
                List.of(new LlmResourceRuntime(backends, pools, routes, apis, consumers, samples::variable, json),
                        policies));
    }

    /**
     * Policy documents; their named values expand {@code ${ENV}} as the other named values do, and the served MCP
     * servers tell which API scopes are tool calls.
     */
    @Singleton
    PolicyEngine policyEngine(List<PolicyFactory> factories, SamplesRuntime samples, GatewayCatalog catalog) {
        return new PolicyEngine(factories, samples::variable, name -> catalog.find(name).isPresent());
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
                              OperationRunner operations, GatewayCatalog catalog, ConfigStore store,
                              SamplesRuntime samples, SpecSourceRules sources,
                              ManagementState management, BeanProvider<ToolFilter> toolFilter) {
        try {
            GatewayYaml.Loaded declared = settings.configFile().isPresent()
                    ? new GatewayYaml(codec, json).load(settings.configFile().get())
                    : GatewayYaml.Loaded.none();
            StoredState resources = declared.declared();
            if (settings.samples() || declared.samples()) {
                samples.start();
                resources = SamplesRuntime.withSampleShop(resources);
            }
            management.load(declared.resources(), declared.origin());
            NamedValues namedValues = new NamedValues(management::current, samples::variable);
            GatewayState state = new GatewayState(
                    new OpenApiCompiler(sources.declared(), samples::variable, namedValues),
                    new OpenApiCompiler(sources.admin(), samples::variable, namedValues),
                    new ServerAssembler(operations, toolFilter::get), store, catalog);
            state.load(resources, declared.origin());
            store.watch(management::refreshFromStore);
            store.watch(state::refreshFromStore);
            return state;
        } catch (InvalidDefinitionException e) {
            throw new IllegalStateException("invalid configuration: " + e.field() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // the LLM proxy's message names the key (llm.<kind>.<id>...) and never a secret
            throw new IllegalStateException("invalid configuration: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration", e);
        }
    }
}
