package dev.mcpgateway.gateway.policy.engine;

import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * Compiles one kind of policy element (already checked against the catalog's shape) into a {@link Policy}. A value
 * the shape cannot check (a number, a backend that must exist) is refused here, naming the element and its line.
 */
public interface PolicyFactory {

    /** The element names compiled by this factory (an APIM policy and its older alias, for instance). */
    Set<String> elements();

    /** The surfaces the policy applies to; on the others it is left out of the chain. */
    default Set<Surface> surfaces() {
        return EnumSet.allOf(Surface.class);
    }

    /**
     * Whether the policy counts calls (a rate limit, a quota): such a policy at an MCP server's scope counts its tool
     * calls, not every message of the protocol (initialize, tools/list, notifications), which the server's other
     * policies (ip-filter, check-header, validate-jwt) guard as well.
     */
    default boolean countsCalls() {
        return false;
    }

    Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException;
}
