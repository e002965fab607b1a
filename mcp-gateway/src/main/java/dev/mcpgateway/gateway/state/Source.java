package dev.mcpgateway.gateway.state;

/** Where a resource was declared: gateway.yml resources are read-only through /admin (the file is the truth). */
public enum Source {
    GATEWAY_YML("gateway.yml"),
    ADMIN("admin");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
