package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.mcpgateway.openapi.http.ServerBinding;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, URLs, strings; relative refs resolved; remote refs never fetched unless allowed. */
class SpecSourcesTest {

    private HttpServer server;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            String body = documents.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/yaml");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static final String PET_SCHEMA = """
            type: object
            properties:
              name: {type: string}
            """;

    private String specReferencing(String ref) {
        return """
                openapi: 3.0.3
                info: {title: refs, version: '1'}
                servers: [{url: /api/v3}]
                paths:
                  /pets:
                    post:
                      operationId: addPet
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: '%s'}
                      responses: {'204': {description: ok}}
                """.formatted(ref);
    }

    @Test
    void resolvesRelativeFileReferencesFromAFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/pet.yaml"), PET_SCHEMA);
        Files.writeString(dir.resolve("openapi.yaml"), specReferencing("./schemas/pet.yaml"));
        ImportResult result = new OpenApiImporter().importSpec(SpecSource.file(dir.resolve("openapi.yaml")),
                ImportOptions.defaults());
        ToolDefinition tool = Imports.only(result);
        Imports.assertSchema("""
                {"type": "object", "properties": {"name": {"type": "string"}}}""", tool.tool().inputSchema());
        // a relative server URL cannot be resolved against a file: the gateway supplies the base URL
        assertEquals(ServerBinding.of("/api/v3"), tool.binding().server());
    }

    @Test
    void readsAUrlAndResolvesItsRelativeServerAgainstIt() {
        documents.put("/specs/openapi.yaml", specReferencing("#/components/schemas/Pet")
                + "components:\n  schemas:\n    Pet:\n" + PET_SCHEMA.indent(6));
        ImportResult result = new OpenApiImporter().importSpec(SpecSource.url(base + "/specs/openapi.yaml"),
                ImportOptions.defaults());
        assertEquals(ServerBinding.of(base + "/api/v3"), Imports.only(result).binding().server());
    }

    @Test
    void neverFetchesARemoteReferenceUnlessAllowed() {
        documents.put("/schemas/pet.yaml", PET_SCHEMA);
        String spec = specReferencing(base + "/schemas/pet.yaml");

        ImportResult refused = Imports.yaml(spec);
        assertEquals(List.of(), requests, "no request may reach the server when remote refs are off");
        ToolDefinition tool = Imports.only(refused);
        String schema = tool.tool().inputSchema().toString();
        assertTrue(schema.contains("remote references are disabled"), schema);
        assertTrue(refused.warnings().stream().anyMatch(w -> w.contains("not fetched")),
                refused.warnings()::toString);

        ImportResult allowed = Imports.yaml(spec, ImportOptions.builder().allowRemoteRefs(true).build());
        assertEquals(List.of("/schemas/pet.yaml"), requests.stream().distinct().toList());
        Imports.assertSchema("""
                {"type": "object", "properties": {"name": {"type": "string"}}}""",
                Imports.only(allowed).tool().inputSchema());
    }

    @Test
    void readsJsonFromAString() {
        ImportResult result = Imports.yaml("""
                {"openapi": "3.0.3", "info": {"title": "json", "version": "2"},
                 "paths": {"/ping": {"get": {"operationId": "ping", "responses": {"200": {"description": "ok"}}}}}}
                """);
        assertEquals("json", result.apiTitle());
        assertEquals("2", result.apiVersion());
        assertEquals("ping", Imports.only(result).name());
    }

    @Test
    void refusesAnUnreadableSpecWithTheParserMessages(@TempDir Path dir) {
        var missing = assertThrows(SpecImportException.class, () -> new OpenApiImporter().importSpec(
                SpecSource.file(dir.resolve("nope.yaml")), ImportOptions.defaults()));
        assertTrue(missing.messages().getFirst().contains("nope.yaml"), missing.messages()::toString);
        var garbage = assertThrows(SpecImportException.class, () -> Imports.yaml("just: [some, yaml]"));
        assertTrue(!garbage.messages().isEmpty());
    }
}
