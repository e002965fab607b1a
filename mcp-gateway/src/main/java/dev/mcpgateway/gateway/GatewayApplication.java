package dev.mcpgateway.gateway;

import io.micronaut.runtime.Micronaut;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's entry point: {@code java -jar mcp-gateway.jar [--config FILE] [--port N] [--data-dir DIR]
 * [--samples]}. The options become {@code gateway.*} / {@code micronaut.server.port} properties; anything else is
 * passed to Micronaut as is (e.g. {@code -micronaut.server.host=127.0.0.1}).
 */
public final class GatewayApplication {

    private static final String USAGE = """
            usage: java -jar mcp-gateway.jar [--config FILE] [--port N] [--data-dir DIR] [--samples]
              --config FILE    gateway.yml declaring APIs and MCP servers (GitOps)
              --port N         HTTP port (default 8080)
              --data-dir DIR   where admin changes are kept (default ./data)
              --samples        start the sample shop API in-process
            """;

    private GatewayApplication() {
    }

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--config" -> properties.put("gateway.config-file", value(args, ++i, arg));
                case "--data-dir" -> properties.put("gateway.data-dir", value(args, ++i, arg));
                case "--samples" -> properties.put("gateway.samples", "true");
                case "--port" -> {
                    String port = value(args, ++i, arg);
                    if (!port.matches("\\d{1,5}")) {
                        fail("--port needs a number, not '" + port + "'");
                    }
                    properties.put("micronaut.server.port", port);
                }
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> rest.add(arg);
            }
        }
        Micronaut.build(rest.toArray(String[]::new))
                .mainClass(GatewayApplication.class)
                .properties(properties)
                .banner(false)
                .start();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            fail(option + " needs a value");
        }
        return args[index];
    }

    private static void fail(String message) {
        System.err.println(message);
        System.err.print(USAGE);
        System.exit(2);
    }
}
