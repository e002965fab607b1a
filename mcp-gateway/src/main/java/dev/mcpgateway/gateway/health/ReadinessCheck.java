package dev.mcpgateway.gateway.health;

/** One thing the gateway needs before it should take traffic. Its name is shown, so it names a role, not a host. */
public interface ReadinessCheck {

    String name();

    boolean ready();
}
