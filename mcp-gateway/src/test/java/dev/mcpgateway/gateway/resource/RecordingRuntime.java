package dev.mcpgateway.gateway.resource;

import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import java.util.List;

/** A runtime that logs when it compiles and serves, serves the set it compiled, and can be made to refuse one. */
final class RecordingRuntime implements ResourceRuntime {

    private final String name;
    private final List<String> log;
    private InvalidDefinitionException refusal;
    private ResourceSet served;
    private int publications;

    RecordingRuntime(String name, List<String> log) {
        this.name = name;
        this.log = log;
    }

    void refuseWith(InvalidDefinitionException refusal) {
        this.refusal = refusal;
    }

    /** The set this runtime serves now; null before the first publication. */
    ResourceSet served() {
        return served;
    }

    int publications() {
        return publications;
    }

    @Override
    public Publication prepare(ResourceSet next) throws InvalidDefinitionException {
        log.add(name + " prepare");
        if (refusal != null) {
            throw refusal;
        }
        return () -> {
            log.add(name + " publish");
            served = next;
            publications++;
        };
    }
}
