package dev.mcpgateway.gateway.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.mcp.McpSettings;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    static OriginPolicy policy(List<String> allowed, boolean loopback) {
        McpSettings settings = (McpSettings) Proxy.newProxyInstance(McpSettings.class.getClassLoader(),
                new Class<?>[] {McpSettings.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAllowedOrigins" -> allowed;
                    case "isAllowLoopbackOrigins" -> loopback;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new OriginPolicy(settings);
    }

    @Test
    void requestsWithoutOriginAreNoBrowserRequestsAndPass() {
        assertTrue(policy(List.of(), false).allows(null));
    }

    @Test
    void loopbackOriginsPassOnlyWhenEnabled() {
        assertTrue(policy(List.of(), true).allows("http://127.0.0.1:6274"));
        assertTrue(policy(List.of(), true).allows("http://[::1]:8080"));
        assertTrue(policy(List.of(), true).allows("http://localhost"));
        assertFalse(policy(List.of(), false).allows("http://localhost"));
    }

    @Test
    void lookalikeHostsAreForeign() {
        OriginPolicy policy = policy(List.of(), true);
        assertFalse(policy.allows("http://localhost.evil.example"));
        assertFalse(policy.allows("http://127.0.0.1.nip.io"));
        assertFalse(policy.allows("null"));
        assertFalse(policy.allows("file://localhost"));
    }

    @Test
    void listedOriginsPassExactlyIgnoringCaseAndTrailingSlash() {
        OriginPolicy policy = policy(List.of("https://App.example.com/"), false);
        assertTrue(policy.allows("https://app.example.com"));
        assertFalse(policy.allows("https://app.example.com:8443"));
        assertFalse(policy.allows("http://app.example.com"));
        assertTrue(policy(List.of("*"), false).allows("https://anything.example"));
    }
}
