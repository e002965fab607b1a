package dev.mcpgateway.gateway.policy.engine;

/**
 * One compiled policy statement. It decides about a call and may change what the call carries on (variables,
 * headers); it never renders a response itself. Compiled once per configuration change, applied per call.
 */
@FunctionalInterface
public interface Policy {

    Decision apply(PolicyCall call);

    /**
     * Whether applying may wait on the network (a Redis counter, a remote key set). A chain without such a step runs
     * where the call arrived (an event loop on the LLM path); one with it runs on a virtual thread.
     */
    default boolean mayBlock() {
        return false;
    }
}
