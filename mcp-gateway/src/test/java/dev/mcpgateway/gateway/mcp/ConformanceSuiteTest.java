package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.NodeTools;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite (npm @modelcontextprotocol/conformance 0.1.16, server mode, all suites: active and pending)
 * against the gateway serving the suite's fixture tools. The suite itself compares the outcome with
 * {@code conformance-baseline.yml}: it fails on any failure not listed there and on any listed entry that now
 * passes, so the baseline can only shrink.
 */
@MicronautTest
@Property(name = "spec.name", value = "mcp-proto-conformance")
class ConformanceSuiteTest {

    @Inject
    EmbeddedServer server;

    @Test
    void passesTheServerSuitesExceptTheBaselinedScenarios() throws Exception {
        Path baseline = Path.of(getClass().getResource("/conformance-baseline.yml").toURI());
        // The suite's DNS-rebinding scenario needs a localhost URL.
        String url = "http://localhost:" + server.getPort() + "/mcp/conformance";
        NodeTools.Result result = NodeTools.runBin("conformance", List.of("server", "--url", url, "--suite", "all",
                "--expected-failures", baseline.toString()), Map.of(), Duration.ofMinutes(4));
        System.out.println(result.output());
        assertTrue(result.succeeded(), "conformance suite disagrees with the baseline:\n" + result.output());
    }
}
