package dev.mcpgateway.gateway.state;

import dev.mcpgateway.gateway.catalog.ApiCompiler;
import dev.mcpgateway.gateway.catalog.CompiledApi;
import dev.mcpgateway.gateway.catalog.GatewayCatalog;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.catalog.ServerAssembler;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import dev.mcpgateway.gateway.store.ConfigStore;
import dev.mcpgateway.gateway.store.StoredState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place APIs and MCP servers change: compiles definitions, checks that every MCP server still assembles,
 * persists admin changes, and publishes the new served set to the catalog (which tells connected clients).
 * Writes are serialised; reads see the last published state.
 */
public final class GatewayState {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayState.class);

    /** A resource and where it came from. */
    public record Entry<T>(T value, Source source) {
    }

    private final ApiCompiler declaredCompiler;
    private final ApiCompiler adminCompiler;
    private final ServerAssembler assembler;
    private final ConfigStore store;
    private final GatewayCatalog catalog;
    private final ReentrantLock writes = new ReentrantLock();
    private volatile Map<String, Entry<CompiledApi>> apis = Map.of();
    private volatile Map<String, Entry<McpServerDefinition>> servers = Map.of();

    /**
     * @param declaredCompiler compiles gateway.yml's APIs (the operator's spec sources)
     * @param adminCompiler    compiles the admin API's APIs, stored ones included (confined spec sources)
     */
    public GatewayState(ApiCompiler declaredCompiler, ApiCompiler adminCompiler, ServerAssembler assembler,
                        ConfigStore store, GatewayCatalog catalog) {
        this.declaredCompiler = declaredCompiler;
        this.adminCompiler = adminCompiler;
        this.assembler = assembler;
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * Start-up: gateway.yml first (any error stops the start, naming the key), then what /admin stored. A stored
     * resource that no longer compiles is logged and left out, so one bad spec URL cannot keep the gateway down.
     */
    public void load(StoredState declared, String declaredOrigin) throws InvalidDefinitionException {
        StoredState stored;
        try {
            stored = store.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration store", e);
        }
        writes.lock();
        try {
            rebuild(declared, stored, declaredOrigin);
        } finally {
            writes.unlock();
        }
    }

    /**
     * Re-reads the store after another instance changed it: admin resources are brought in line (unchanged APIs
     * keep their compiled form, unchanged servers their served form), gateway.yml resources stay as they are, and
     * listeners hear about every server that was added, redefined or removed.
     */
    public void refreshFromStore() {
        StoredState stored;
        try {
            stored = store.load();
        } catch (IOException e) {
            LOG.error("could not reload the shared configuration: {}", e.getMessage());
            return;
        }
        writes.lock();
        try {
            StoredState declared = new StoredState(
                    apis.values().stream().filter(e -> e.source() == Source.GATEWAY_YML)
                            .map(e -> e.value().definition()).toList(),
                    servers.values().stream().filter(e -> e.source() == Source.GATEWAY_YML)
                            .map(Entry::value).toList());
            rebuild(declared, stored, "gateway.yml");
        } catch (InvalidDefinitionException e) {
            // gateway.yml resources compiled before and are reused unchanged, so this cannot happen
            throw new IllegalStateException(e);
        } finally {
            writes.unlock();
        }
    }

    /**
     * Computes the whole state from declared and stored definitions, reusing the compiled API and served server
     * of everything whose definition did not change, then publishes it. Callers hold the write lock.
     */
    private void rebuild(StoredState declared, StoredState stored, String origin) throws InvalidDefinitionException {
        Map<String, Entry<CompiledApi>> nextApis = new TreeMap<>();
        List<Entry<ApiDefinition>> apiDefinitions = new java.util.ArrayList<>();
        declared.apis().forEach(a -> apiDefinitions.add(new Entry<>(a, Source.GATEWAY_YML)));
        stored.apis().forEach(a -> apiDefinitions.add(new Entry<>(a, Source.ADMIN)));
        for (Entry<ApiDefinition> definition : apiDefinitions) {
            ApiDefinition api = definition.value();
            if (nextApis.containsKey(api.apiId())) {
                LOG.warn("stored API {} is also declared in {}; the file wins", api.apiId(), origin);
                continue;
            }
            Entry<CompiledApi> current = apis.get(api.apiId());
            if (current != null && current.source() == definition.source()
                    && current.value().definition().equals(api)) {
                nextApis.put(api.apiId(), current);
                continue;
            }
            try {
                ApiCompiler compiler = definition.source() == Source.GATEWAY_YML ? declaredCompiler : adminCompiler;
                nextApis.put(api.apiId(), new Entry<>(compiler.compile(api), definition.source()));
            } catch (InvalidDefinitionException e) {
                if (definition.source() == Source.GATEWAY_YML) {
                    throw new InvalidDefinitionException(origin + ": apis." + api.apiId() + "." + e.field(),
                            e.getMessage());
                }
                LOG.error("stored API {} does not import ({}: {}); it is not served", api.apiId(), e.field(),
                        e.getMessage());
            }
        }
        Map<String, Entry<McpServerDefinition>> nextServers = new TreeMap<>();
        declared.servers().forEach(s -> nextServers.put(s.name(), new Entry<>(s, Source.GATEWAY_YML)));
        stored.servers().stream().filter(s -> !nextServers.containsKey(s.name()))
                .forEach(s -> nextServers.put(s.name(), new Entry<>(s, Source.ADMIN)));
        Map<String, ServedMcpServer> served = new HashMap<>();
        Set<String> changed = new java.util.TreeSet<>(catalog.names());
        for (Entry<McpServerDefinition> entry : nextServers.values()) {
            McpServerDefinition server = entry.value();
            Entry<CompiledApi> api = nextApis.get(server.apiId());
            Entry<McpServerDefinition> before = servers.get(server.name());
            Optional<ServedMcpServer> current = catalog.find(server.name());
            if (api != null && api == apis.get(server.apiId()) && before != null && before.value().equals(server)
                    && current.isPresent()) {
                served.put(server.name(), current.get());
                changed.remove(server.name());
                continue;
            }
            try {
                if (api == null) {
                    throw new InvalidDefinitionException("apiId", "API '" + server.apiId() + "' does not exist");
                }
                served.put(server.name(), assembler.assemble(server, api.value()));
                changed.add(server.name());
            } catch (InvalidDefinitionException e) {
                if (entry.source() == Source.GATEWAY_YML) {
                    throw new InvalidDefinitionException(origin + ": mcpServers." + server.name() + "." + e.field(),
                            e.getMessage());
                }
                LOG.error("stored MCP server {} cannot be served ({}: {})", server.name(), e.field(), e.getMessage());
            }
        }
        apis = nextApis;
        servers = nextServers;
        catalog.publish(served, changed);
    }

    /** Creates or replaces an API; every MCP server on it is re-assembled and must still be valid. */
    public boolean putApi(ApiDefinition definition)
            throws InvalidDefinitionException, ResourceConflictException, IOException {
        CompiledApi compiled = adminCompiler.compile(definition); // outside the lock: it may fetch the spec
        writes.lock();
        try {
            Entry<CompiledApi> existing = apis.get(definition.apiId());
            refuseDeclared(existing, "API", definition.apiId());
            Map<String, ServedMcpServer> served = currentServed();
            Set<String> changed = new java.util.TreeSet<>();
            for (Entry<McpServerDefinition> server : servers.values()) {
                if (server.value().apiId().equals(definition.apiId())) {
                    try {
                        served.put(server.value().name(), assembler.assemble(server.value(), compiled));
                    } catch (InvalidDefinitionException e) {
                        throw new ResourceConflictException("MCP server '" + server.value().name()
                                + "' would break with this spec (" + e.field() + ": " + e.getMessage()
                                + "); change or delete the server first");
                    }
                    changed.add(server.value().name());
                }
            }
            store.saveApi(definition);
            Map<String, Entry<CompiledApi>> next = new TreeMap<>(apis);
            next.put(definition.apiId(), new Entry<>(compiled, Source.ADMIN));
            apis = next;
            catalog.publish(served, changed);
            return existing == null;
        } finally {
            writes.unlock();
        }
    }

    public void deleteApi(String apiId) throws ResourceNotFoundException, ResourceConflictException, IOException {
        writes.lock();
        try {
            Entry<CompiledApi> existing = apis.get(apiId);
            if (existing == null) {
                throw new ResourceNotFoundException("API", apiId);
            }
            refuseDeclared(existing, "API", apiId);
            List<String> users = servers.values().stream().map(Entry::value)
                    .filter(s -> s.apiId().equals(apiId)).map(McpServerDefinition::name).toList();
            if (!users.isEmpty()) {
                throw new ResourceConflictException("API '" + apiId + "' is served by MCP servers " + users
                        + "; delete them first");
            }
            store.deleteApi(apiId);
            Map<String, Entry<CompiledApi>> next = new TreeMap<>(apis);
            next.remove(apiId);
            apis = next;
        } finally {
            writes.unlock();
        }
    }

    public boolean putServer(McpServerDefinition definition)
            throws InvalidDefinitionException, ResourceConflictException, IOException {
        writes.lock();
        try {
            Entry<McpServerDefinition> existing = servers.get(definition.name());
            refuseDeclared(existing, "MCP server", definition.name());
            Entry<CompiledApi> api = apis.get(definition.apiId());
            if (api == null) {
                throw new InvalidDefinitionException("apiId", "API '" + definition.apiId() + "' does not exist");
            }
            ServedMcpServer assembled = assembler.assemble(definition, api.value());
            store.saveServer(definition);
            Map<String, Entry<McpServerDefinition>> next = new TreeMap<>(servers);
            next.put(definition.name(), new Entry<>(definition, Source.ADMIN));
            servers = next;
            Map<String, ServedMcpServer> served = currentServed();
            served.put(definition.name(), assembled);
            catalog.publish(served, Set.of(definition.name()));
            return existing == null;
        } finally {
            writes.unlock();
        }
    }

    public void deleteServer(String name) throws ResourceNotFoundException, ResourceConflictException, IOException {
        writes.lock();
        try {
            Entry<McpServerDefinition> existing = servers.get(name);
            if (existing == null) {
                throw new ResourceNotFoundException("MCP server", name);
            }
            refuseDeclared(existing, "MCP server", name);
            store.deleteServer(name);
            Map<String, Entry<McpServerDefinition>> next = new TreeMap<>(servers);
            next.remove(name);
            servers = next;
            Map<String, ServedMcpServer> served = currentServed();
            served.remove(name);
            catalog.publish(served, Set.of(name));
        } finally {
            writes.unlock();
        }
    }

    public Optional<Entry<CompiledApi>> api(String apiId) {
        return Optional.ofNullable(apis.get(apiId));
    }

    /** All APIs, by id. */
    public List<Entry<CompiledApi>> apis() {
        return List.copyOf(apis.values());
    }

    public Optional<Entry<McpServerDefinition>> server(String name) {
        return Optional.ofNullable(servers.get(name));
    }

    /** All MCP servers, by name. */
    public List<Entry<McpServerDefinition>> servers() {
        return List.copyOf(servers.values());
    }

    private Map<String, ServedMcpServer> currentServed() {
        Map<String, ServedMcpServer> served = new HashMap<>();
        for (String name : catalog.names()) {
            catalog.find(name).ifPresent(s -> served.put(name, s));
        }
        return served;
    }

    private static void refuseDeclared(Entry<?> existing, String kind, String id) throws ResourceConflictException {
        if (existing != null && existing.source() == Source.GATEWAY_YML) {
            throw new ResourceConflictException(kind + " '" + id + "' is declared in gateway.yml; change it there");
        }
    }
}
