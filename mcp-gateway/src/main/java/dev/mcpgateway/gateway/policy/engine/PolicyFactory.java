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

    Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException;
}
