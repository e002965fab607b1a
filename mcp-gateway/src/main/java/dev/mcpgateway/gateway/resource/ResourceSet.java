package dev.mcpgateway.gateway.resource;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every resource of the gateway at one moment, by kind and id. Immutable: a change makes a new set. */
public final class ResourceSet {

    private static final ResourceSet EMPTY = new ResourceSet(new EnumMap<>(ResourceKind.class));

    private final Map<ResourceKind, Map<String, Resource>> byKind;

    private ResourceSet(Map<ResourceKind, Map<String, Resource>> byKind) {
        this.byKind = byKind;
    }

    public static ResourceSet empty() {
        return EMPTY;
    }

    public Optional<Resource> get(ResourceKind kind, String id) {
        return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(id));
    }

    public boolean contains(ResourceRef ref) {
        return get(ref.kind(), ref.id()).isPresent();
    }

    /** The resources of one kind, ordered by id. */
    public Collection<Resource> all(ResourceKind kind) {
        return byKind.getOrDefault(kind, Map.of()).values();
    }

    public List<Resource> all() {
        return byKind.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    public ResourceSet with(Resource resource) {
        return change(resource.kind(), ids -> ids.put(resource.id(), resource));
    }

    public ResourceSet without(ResourceKind kind, String id) {
        return change(kind, ids -> ids.remove(id));
    }

    private ResourceSet change(ResourceKind kind, java.util.function.Consumer<Map<String, Resource>> change) {
        Map<ResourceKind, Map<String, Resource>> next = new EnumMap<>(ResourceKind.class);
        next.putAll(byKind);
        Map<String, Resource> ids = new TreeMap<>(byKind.getOrDefault(kind, Map.of()));
        change.accept(ids);
        next.put(kind, ids);
        return new ResourceSet(next);
    }
}
