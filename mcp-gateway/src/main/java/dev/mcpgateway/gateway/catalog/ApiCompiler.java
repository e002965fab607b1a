package dev.mcpgateway.gateway.catalog;

import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;

/** Turns a declared API into its compiled form: fetch and import the spec, compile credentials and backend. */
public interface ApiCompiler {

    /** @throws InvalidDefinitionException naming the field at fault (the spec, the service URL, a credential key) */
    CompiledApi compile(ApiDefinition definition) throws InvalidDefinitionException;
}
