package dev.mcpgateway.gateway.resource;

import dev.mcpgateway.gateway.config.InvalidDefinitionException;

/**
 * A part of the gateway that serves what resources describe (the LLM proxy's backends, APIs and consumers; the MCP
 * catalog). A change is compiled against the whole next set first, and published only once every runtime compiled
 * it and the store kept it, so a refused change leaves every runtime as it was.
 */
public interface ResourceRuntime {

    /**
     * Compiles what this runtime serves from {@code next}; errors name the resource and field. Nothing is served yet.
     */
    Publication prepare(ResourceSet next) throws InvalidDefinitionException;

    /** A compiled configuration waiting to be served. */
    @FunctionalInterface
    interface Publication {
        void publish();
    }
}
