package dev.mcpgateway.gateway.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.state.ResourceConflictException;
import dev.mcpgateway.gateway.state.ResourceNotFoundException;
import dev.mcpgateway.gateway.state.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place resources change. A write is checked (its type's rules, the references it makes and the ones made
 * to it), compiled by every runtime against the whole next set, stored, and only then served: a refused or unstored
 * change leaves everything as it was. Writes are serialised; reads see the last published set.
 */
public final class ManagementState {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementState.class);

    /** A resource after a write, and whether the write created it. */
    public record Written(Resource resource, boolean created) {
    }

    private final Map<ResourceKind, ResourceType> types = new EnumMap<>(ResourceKind.class);
    private final ResourceStore store;
    private final List<ResourceRuntime> runtimes;
    private final ReentrantLock writes = new ReentrantLock();
    private volatile ResourceSet current = ResourceSet.empty();
    private String declaredOrigin = "gateway.yml";

    public ManagementState(List<ResourceType> types, ResourceStore store, List<ResourceRuntime> runtimes) {
        types.forEach(t -> this.types.put(t.kind(), t));
        this.store = store;
        this.runtimes = List.copyOf(runtimes);
    }

    /**
     * Start-up: the declared resources (any error stops the start, naming {@code origin: collection.id.field}), then
     * what {@code /admin} stored (one that no longer applies is logged and left out, so it cannot keep the gateway
     * down). A stored resource the file also declares is left out: the file wins.
     */
    public void load(List<Resource> declared, String origin) throws InvalidDefinitionException, IOException {
        Map<ResourceKind, Map<String, ObjectNode>> stored = store.load();
        writes.lock();
        try {
            declaredOrigin = origin;
            publish(build(declared, stored, origin));
        } finally {
            writes.unlock();
        }
    }

    /** Another instance changed the store: the admin layer is read again; declared resources stay. */
    public void refreshFromStore() {
        writes.lock();
        try {
            List<Resource> declared = current.all().stream().filter(r -> r.source() == Source.GATEWAY_YML).toList();
            publish(build(declared, store.load(), declaredOrigin));
        } catch (IOException | InvalidDefinitionException e) {
            LOG.error("could not reload the shared configuration: {}", e.getMessage());
        } finally {
            writes.unlock();
        }
    }

    public Optional<Resource> get(ResourceKind kind, String id) {
        return current.get(kind, id);
    }

    public List<Resource> list(ResourceKind kind) {
        return List.copyOf(current.all(kind));
    }

    public ResourceSet current() {
        return current;
    }

    /** Creates or replaces a resource. */
    public Written put(ResourceKind kind, String id, ObjectNode properties, String ifMatch)
            throws InvalidDefinitionException, ResourceConflictException, PreconditionFailedException, IOException {
        writes.lock();
        try {
            Resource before = writable(kind, id, ifMatch);
            return write(kind, id, properties, before);
        } finally {
            writes.unlock();
        }
    }

    /**
     * Changes an existing resource from its current properties (a JSON merge patch, a key regeneration): the change
     * sees the properties as they are under the write lock, so two changes never lose one another.
     */
    public Written update(ResourceKind kind, String id, String ifMatch, UnaryOperator<ObjectNode> change)
            throws InvalidDefinitionException, ResourceConflictException, PreconditionFailedException,
            ResourceNotFoundException, IOException {
        writes.lock();
        try {
            Resource before = writable(kind, id, ifMatch);
            if (before == null) {
                throw new ResourceNotFoundException(kind.noun(), id);
            }
            return write(kind, id, change.apply(before.copyOfProperties()), before);
        } finally {
            writes.unlock();
        }
    }

    public void delete(ResourceKind kind, String id, String ifMatch) throws ResourceNotFoundException,
            ResourceConflictException, PreconditionFailedException, InvalidDefinitionException, IOException {
        writes.lock();
        try {
            Resource before = writable(kind, id, ifMatch);
            if (before == null) {
                throw new ResourceNotFoundException(kind.noun(), id);
            }
            List<String> users = current.all().stream()
                    .filter(r -> type(r.kind()).references(r).stream()
                            .anyMatch(ref -> ref.kind() == kind && ref.id().equals(id)))
                    .map(r -> r.kind().path(r.id())).toList();
            if (!users.isEmpty()) {
                throw new ResourceConflictException(kind.noun() + " '" + id + "' is used by " + users
                        + "; change or delete them first");
            }
            ResourceSet next = current.without(kind, id);
            List<ResourceRuntime.Publication> publications = prepare(next);
            store.delete(kind, id);
            current = next;
            publications.forEach(ResourceRuntime.Publication::publish);
        } finally {
            writes.unlock();
        }
    }

    private Written write(ResourceKind kind, String id, ObjectNode properties, Resource before)
            throws InvalidDefinitionException, IOException {
        Resource resource = new Resource(kind, id,
                type(kind).normalise(id, properties, current, before), Source.ADMIN);
        ResourceSet next = current.with(resource);
        checkReferences(resource, next);
        List<ResourceRuntime.Publication> publications = prepare(next);
        store.save(resource);
        current = next;
        publications.forEach(ResourceRuntime.Publication::publish);
        return new Written(resource, before == null);
    }

    /** The resource a write may replace (null when new), after the declared-resource and If-Match checks. */
    private Resource writable(ResourceKind kind, String id, String ifMatch)
            throws ResourceConflictException, PreconditionFailedException {
        Resource before = current.get(kind, id).orElse(null);
        if (before != null && before.source() == Source.GATEWAY_YML) {
            throw new ResourceConflictException(kind.noun() + " '" + id + "' is declared in " + declaredOrigin
                    + "; change it there");
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            boolean matches = ifMatch.strip().equals("*") ? before != null
                    : before != null && List.of(ifMatch.split(",")).stream().map(String::strip)
                            .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                            .anyMatch(before.etag()::equals);
            if (!matches) {
                throw new PreconditionFailedException(before == null
                        ? kind.noun() + " '" + id + "' does not exist (If-Match)"
                        : kind.noun() + " '" + id + "' has changed since it was read; read it again (ETag "
                                + before.etag() + ")");
            }
        }
        return before;
    }

    private void checkReferences(Resource resource, ResourceSet next) throws InvalidDefinitionException {
        for (ResourceRef ref : type(resource.kind()).references(resource)) {
            if (!next.contains(ref)) {
                throw new InvalidDefinitionException(ref.field(), ref.kind().noun() + " '" + ref.id()
                        + "' does not exist");
            }
        }
    }

    private List<ResourceRuntime.Publication> prepare(ResourceSet next) throws InvalidDefinitionException {
        List<ResourceRuntime.Publication> publications = new ArrayList<>();
        for (ResourceRuntime runtime : runtimes) {
            publications.add(runtime.prepare(next));
        }
        return publications;
    }

    private void publish(ResourceSet next) throws InvalidDefinitionException {
        List<ResourceRuntime.Publication> publications = prepare(next);
        current = next;
        publications.forEach(ResourceRuntime.Publication::publish);
    }

    /**
     * The whole set from declared and stored resources, kind by kind in dependency order. A declared resource that
     * does not check out fails naming it; a stored one is logged and left out.
     */
    private ResourceSet build(List<Resource> declared, Map<ResourceKind, Map<String, ObjectNode>> stored,
                              String origin) throws InvalidDefinitionException {
        ResourceSet next = ResourceSet.empty();
        Map<String, InvalidDefinitionException> refused = new LinkedHashMap<>();
        for (ResourceKind kind : ResourceKind.values()) {
            Map<String, ObjectNode> fromFile = new LinkedHashMap<>();
            declared.stream().filter(d -> d.kind() == kind).forEach(d -> fromFile.put(d.id(), withStableKeys(d)));
            next = addAll(next, kind, fromFile, Source.GATEWAY_YML, refused);
            if (!refused.isEmpty()) {
                Map.Entry<String, InvalidDefinitionException> first = refused.entrySet().iterator().next();
                throw new InvalidDefinitionException(origin + ": " + kind.collection() + "." + first.getKey() + "."
                        + first.getValue().field(), first.getValue().getMessage());
            }
            Map<String, ObjectNode> fromStore = new LinkedHashMap<>();
            for (Map.Entry<String, ObjectNode> e : stored.getOrDefault(kind, Map.of()).entrySet()) {
                if (next.get(kind, e.getKey()).isPresent()) {
                    LOG.warn("stored {} '{}' is also declared in {}; the file wins", kind.noun(), e.getKey(), origin);
                } else {
                    fromStore.put(e.getKey(), e.getValue());
                }
            }
            next = addAll(next, kind, fromStore, Source.ADMIN, refused);
            refused.forEach((id, e) -> LOG.error("stored {} '{}' no longer applies ({}: {}); it is left out",
                    kind.noun(), id, e.field(), e.getMessage()));
        }
        return next;
    }

    /**
     * A subscription declared without keys gets keys derived from the store key rather than random ones: the same on
     * every start and on every instance, so its callers keep working. (Through {@code /admin} keys are generated and
     * stored instead.)
     */
    private ObjectNode withStableKeys(Resource declared) {
        ObjectNode properties = declared.properties();
        if (declared.kind() != ResourceKind.SUBSCRIPTIONS) {
            return properties;
        }
        ObjectNode keyed = properties.deepCopy();
        for (String field : List.of("primaryKey", "secondaryKey")) {
            if (!keyed.hasNonNull(field)) {
                keyed.put(field, store.derivedSecret(ResourceKind.SUBSCRIPTIONS, declared.id(), field));
            }
        }
        return keyed;
    }

    /**
     * Adds the candidates of one kind, trying those refused again while others still get in: a pool may come before
     * the backends it names (in the file, or by id in the store). What never checks out is left in {@code refused}.
     */
    private ResourceSet addAll(ResourceSet set, ResourceKind kind, Map<String, ObjectNode> candidates, Source source,
                               Map<String, InvalidDefinitionException> refused) {
        ResourceSet next = set;
        Map<String, ObjectNode> pending = new LinkedHashMap<>(candidates);
        boolean progress = true;
        refused.clear();
        while (progress && !pending.isEmpty()) {
            progress = false;
            refused.clear();
            for (Iterator<Map.Entry<String, ObjectNode>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, ObjectNode> e = it.next();
                Resource before = source == Source.ADMIN ? current.get(kind, e.getKey()).orElse(null) : null;
                try {
                    Resource checked = new Resource(kind, e.getKey(), type(kind).normalise(e.getKey(),
                            e.getValue().deepCopy(), next, before), source);
                    checkReferences(checked, next.with(checked));
                    next = next.with(checked);
                    it.remove();
                    progress = true;
                } catch (InvalidDefinitionException ex) {
                    refused.put(e.getKey(), ex);
                }
            }
        }
        return next;
    }

    private ResourceType type(ResourceKind kind) {
        ResourceType type = types.get(kind);
        if (type == null) {
            throw new IllegalStateException("no type for " + kind);
        }
        return type;
    }
}
