package dev.mcpgateway.openapi.cli;

import dev.mcpgateway.openapi.ImportOptions;
import dev.mcpgateway.openapi.ImportResult;
import dev.mcpgateway.openapi.OpenApiImporter;
import dev.mcpgateway.openapi.SchemaMode;
import dev.mcpgateway.openapi.SpecImportException;
import dev.mcpgateway.openapi.SpecSource;
import dev.mcpgateway.openapi.UnionBodies;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar openapi-to-mcp.jar tools SPEC [--json] [--prefix P] [--max-name-length N] [--inline]
 * [--hoist-unions | --split-unions] [--allow-remote-refs]}: previews the tools a spec exposes. Exit 0 on success, 1 when the spec cannot be read,
 * 2 on a usage error.
 */
public final class OpenApiToMcpCli {

    static final String USAGE = """
            usage: openapi-to-mcp tools SPEC [--json] [--prefix PREFIX] [--max-name-length N] [--inline] \
            [--hoist-unions | --split-unions] [--allow-remote-refs]
              SPEC  a file path or an http(s) URL of an OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML)""";

    private OpenApiToMcpCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command, printing to the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ImportResult result;
        try {
            result = new OpenApiImporter().importSpec(SpecSource.of(parsed.spec()), parsed.options());
        } catch (SpecImportException e) {
            err.println("error: " + e.getMessage() + " (" + parsed.spec() + ")");
            e.messages().forEach(m -> err.println("  " + m));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (parsed.json()) {
            out.println(JsonListing.render(result));
        } else {
            out.print(TextListing.render(result));
        }
        return 0;
    }

    record Arguments(String spec, boolean json, ImportOptions options) {

        static Arguments parse(String[] args) {
            if (args.length < 2 || !args[0].equals("tools")) {
                throw new IllegalArgumentException(args.length == 0 ? "missing command" : "expected: tools SPEC");
            }
            ImportOptions.Builder options = ImportOptions.builder();
            boolean json = false;
            List<String> positional = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--json" -> json = true;
                    case "--inline" -> options.schemaMode(SchemaMode.INLINE);
                    case "--hoist-unions" -> options.unionBodies(UnionBodies.HOIST);
                    case "--split-unions" -> options.unionBodies(UnionBodies.SPLIT);
                    case "--allow-remote-refs" -> options.allowRemoteRefs(true);
                    case "--prefix" -> options.toolNamePrefix(value(args, ++i, "--prefix"));
                    case "--max-name-length" -> {
                        String v = value(args, ++i, "--max-name-length");
                        try {
                            options.maxToolNameLength(Integer.parseInt(v));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--max-name-length needs a number: " + v);
                        }
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        positional.add(args[i]);
                    }
                }
            }
            if (positional.size() != 1) {
                throw new IllegalArgumentException("expected exactly one SPEC");
            }
            return new Arguments(positional.getFirst(), json, options.build());
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
