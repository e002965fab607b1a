package dev.mcpgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.fixtures.MiniMcpClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user runs it: {@code java -jar target/mcp-gateway.jar --samples}. Proves the shaded jar
 * starts (Micronaut's bean definitions and service files survived shading), prints the MCP URL and a generated
 * admin key, and serves the sample shop over MCP.
 */
class DistributionJarIT {

    @Test
    void theShadedJarStartsWithTheSamplesAndServesThemOverMcp(@TempDir Path dataDir) throws Exception {
        Path jar = Path.of("target/mcp-gateway.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the module first: " + jar);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--samples", "--port", String.valueOf(port), "--data-dir", dataDir.toString())
                .redirectErrorStream(true);
        builder.environment().remove("GATEWAY_ADMIN_KEY");
        Process gateway = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (Exception e) {
                // the process ended
            }
        });
        try {
            List<String> printed = new ArrayList<>();
            String url = null;
            boolean key = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((url == null || !key) && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    assertTrue(gateway.isAlive(), "the gateway exited: " + printed);
                    continue;
                }
                printed.add(line);
                if (line.startsWith("MCP server 'shop':")) {
                    url = line.replaceFirst("^MCP server 'shop':\\s+(\\S+).*$", "$1");
                }
                key |= line.startsWith("Admin key (generated");
            }
            assertEquals("http://localhost:" + port + "/mcp/shop", url, String.join("\n", printed));
            assertTrue(key, "no generated admin key was printed: " + printed);

            MiniMcpClient client = new MiniMcpClient(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + port + "/mcp/shop"));
            client.initialize();
            assertEquals(5, client.listTools().size());
            JsonNode product = client.call("getProduct", "{\"productId\": \"p-101\"}");
            assertFalse(product.path("isError").asBoolean(false), product.toString());
            assertTrue(product.toString().contains("Coffee grinder"), product.toString());
        } finally {
            gateway.destroy();
            if (!gateway.waitFor(10, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }
}
