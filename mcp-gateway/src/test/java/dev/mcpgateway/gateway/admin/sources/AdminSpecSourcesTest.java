package dev.mcpgateway.gateway.admin.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.GatewayFixture.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs named through {@code PUT /admin/apis/{id}} come only from where the rules allow, and a refusal is a
 * problem+json that names the rule and shows nothing of what is there. "Nothing fetched" is proven by listening
 * sockets that count connections; "nothing read" by a named pipe that counts opens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminSpecSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "SECRET-MARKER-7f3a";
    private static final String SPEC = """
            {"openapi": "3.0.3", "info": {"title": "Fetched", "version": "1"},
             "servers": [{"url": "http://127.0.0.1:1"}],
             "paths": {"/items": {"get": {"operationId": "listItems", "responses": {"200": {"description": "ok"}}}}}}
            """;
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    private Path root;
    private Path folder;
    private Path outside;
    private RecordingHttpServer internal;
    private RecordingHttpServer allowed;
    private final CompletableFuture<Long> hugeWritten = new CompletableFuture<>();
    private GatewayFixture gateway;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        folder = Files.createDirectories(root.resolve("config"));
        outside = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(folder.resolve("gateway.yml"), "");
        Files.createDirectories(folder.resolve("specs"));
        Files.writeString(folder.resolve("specs/items.json"), SPEC);
        internal = new RecordingHttpServer("127.0.0.1", RecordingHttpServer.routes(Map.of(
                "/spec.json", RecordingHttpServer.ok("application/json", SPEC))));
        allowed = new RecordingHttpServer(TestNames.PUBLIC_ADDRESS, RecordingHttpServer.routes(Map.of(
                "/spec.json", RecordingHttpServer.ok("application/json", SPEC),
                "/to-loopback", RecordingHttpServer.redirect("http://127.0.0.1:" + internal.port() + "/spec.json"),
                "/to-localhost", RecordingHttpServer.redirect("http://localhost:" + internal.port() + "/spec.json"),
                "/relative", RecordingHttpServer.redirect("/spec.json"),
                "/huge", RecordingHttpServer.endless(FIFTY_MB, hugeWritten),
                "/not-yaml", RecordingHttpServer.ok("application/yaml", "openapi: [3.0.3\n  " + SECRET + ": {"),
                "/invalid", RecordingHttpServer.ok("application/json",
                        "{\"openapi\": \"3.0.3\", \"info\": {\"version\": \"" + SECRET + "\"}}"))));
        gateway = GatewayFixture.start(root.resolve("data"), Map.of(
                "spec.name", "spec-sources",
                "gateway.config-file", folder.resolve("gateway.yml").toString(),
                "gateway.spec-sources.allowed-networks", List.of(TestNames.PUBLIC_ADDRESS + "/32")));
    }

    @BeforeEach
    void clean() throws Exception {
        gateway.admin("DELETE", "/admin/apis/fetched", null);
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
        internal.close();
        allowed.close();
    }

    private Response put(String openapi) throws Exception {
        return gateway.admin("PUT", "/admin/apis/fetched", JSON.writeValueAsString(Map.of("openapi", openapi)));
    }

    private String publicUrl(String path) {
        return "http://" + TestNames.PUBLIC_NAME + ":" + allowed.port() + path;
    }

    /** A 422 problem about the openapi field, saying {@code rule}, with nothing of the document in it. */
    private static void assertRefused(Response response, String rule) {
        assertEquals(422, response.status(), response.body());
        assertTrue(response.isProblem(), response.contentType());
        assertEquals("openapi", response.json().path("field").asText());
        assertTrue(response.json().path("detail").asText().contains(rule), response.body());
        assertFalse(response.body().contains(SECRET), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Nested
    class WhenTheSourceIsAUrl {

        @Test
        void aLoopbackUrlIsRefusedWithoutAnyConnection() throws Exception {
            int before = internal.connections();
            assertRefused(put("http://127.0.0.1:" + internal.port() + "/spec.json"), "loopback address");
            assertRefused(put("http://localhost:" + internal.port() + "/spec.json"), "loopback address");
            assertRefused(put("http://[::ffff:127.0.0.1]:" + internal.port() + "/spec.json"), "loopback address");
            assertEquals(before, internal.connections(), "the loopback server saw no connection");
        }

        @Test
        void metadataPrivateAndLinkLocalAddressesAreRefusedNamingTheRule() throws Exception {
            assertRefused(put("http://169.254.169.254/latest/meta-data/"), "cloud metadata address");
            assertRefused(put("http://[fd00:ec2::254]/latest/meta-data/"), "cloud metadata address");
            assertRefused(put("http://10.1.2.3/openapi.json"), "private address");
            assertRefused(put("http://169.254.10.1/openapi.json"), "link-local address");
        }

        @Test
        void anAllowedHostServesTheSpecAtTheCheckedAddressUnderItsOwnName() throws Exception {
            Response response = put(publicUrl("/spec.json"));
            assertEquals(201, response.status(), response.body());
            assertEquals("Fetched", response.json().path("title").asText(), response.body());
            assertTrue(allowed.requests().contains("GET /spec.json HTTP/1.1 | " + TestNames.PUBLIC_NAME + ":"
                    + allowed.port()), allowed.requests().toString());
        }

        @Test
        void aRedirectIsFollowedWhenTheNextHopIsAllowedToo() throws Exception {
            Response response = put(publicUrl("/relative"));
            assertEquals(201, response.status(), response.body());
        }

        @Test
        void aRedirectToLoopbackIsRefusedAndTheLoopbackServerSeesNothing() throws Exception {
            int before = internal.connections();
            assertRefused(put(publicUrl("/to-loopback")), "loopback address");
            assertRefused(put(publicUrl("/to-localhost")), "loopback address");
            assertEquals(before, internal.connections(), "the redirect target saw no connection");
        }

        @Test
        void aFiftyMegabyteDocumentIsCutAtTheCapAndTheServerStopsBeingRead() throws Exception {
            assertRefused(put(publicUrl("/huge")), "larger than");
            long written = hugeWritten.join();
            assertTrue(written < FIFTY_MB, "the gateway hung up before the end: " + written + " bytes were sent");
        }

        @Test
        void aDocumentThatIsNotYamlIsNamedByPositionOnly() throws Exception {
            assertRefused(put(publicUrl("/not-yaml")), "line");
        }

        @Test
        void aDocumentThatParsesButIsInvalidComesBackWithTheParsersMessages() throws Exception {
            Response response = put(publicUrl("/invalid"));
            assertRefused(response, "info.title is missing");
        }

        @Test
        void anErrorStatusIsNamed() throws Exception {
            assertRefused(put(publicUrl("/missing")), "HTTP 404");
        }
    }

    @Nested
    class WhenTheAllowListIsWrong {

        @Test
        void anEntryThatIsNotAnAddressBlockStopsStartUpNamingTheKey(@TempDir Path dataDir) {
            Exception refused = assertThrows(Exception.class, () -> GatewayFixture.start(dataDir, Map.of(
                    "gateway.spec-sources.allowed-networks", List.of("10.0.0.0/8", "intranet.local"))).close());
            StringBuilder messages = new StringBuilder();
            for (Throwable t = refused; t != null; t = t.getCause()) {
                messages.append(t.getMessage());
            }
            assertTrue(messages.toString().contains("gateway.spec-sources.allowed-networks[1]"), messages.toString());
        }
    }

    @Nested
    class WhenTheSourceIsAFile {

        @Test
        void aFileInTheFolderIsReadByRelativeOrAbsolutePath() throws Exception {
            assertEquals(201, put("specs/items.json").status());
            assertEquals(200, put(folder.resolve("specs/items.json").toString()).status());
        }

        @Test
        void aFileOutsideTheFolderIsNeverOpened() throws Exception {
            try (NamedPipeTrap trap = NamedPipeTrap.create(outside.resolve("outside.json"))) {
                assertRefused(put(trap.path().toString()), "outside the folder");
                assertRefused(put("../elsewhere/outside.json"), "outside the folder");
                assertRefused(put(trap.path().toUri().toString()), "outside the folder");
                assertEquals(0, trap.opensByOthers(), "the file outside the folder was opened");
            }
        }

        @Test
        void aSymbolicLinkOutOfTheFolderIsFollowedOnlyOnPaperAndNeverOpened() throws Exception {
            try (NamedPipeTrap trap = NamedPipeTrap.create(outside.resolve("linked.json"))) {
                Files.createSymbolicLink(folder.resolve("specs/link.json"), trap.path());
                assertRefused(put("specs/link.json"), "outside the folder");
                assertEquals(0, trap.opensByOthers(), "the link's target was opened");
            }
        }

        @Test
        void aNamedPipeInsideTheFolderIsNotARegularFileAndIsNeverOpened() throws Exception {
            try (NamedPipeTrap trap = NamedPipeTrap.create(folder.resolve("specs/pipe.json"))) {
                assertRefused(put("specs/pipe.json"), "not a regular file");
                assertEquals(0, trap.opensByOthers(), "the pipe was opened");
            }
        }

        @Test
        void aRelativeReferenceClimbingOutOfTheFolderIsDisarmedUnread() throws Exception {
            try (NamedPipeTrap trap = NamedPipeTrap.create(outside.resolve("climbed.json"))) {
                Files.writeString(folder.resolve("specs/climbing.json"), SPEC.replace("{\"description\": \"ok\"}",
                        "{\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": "
                                + "{\"$ref\": \"../../elsewhere/climbed.json#/Item\"}}}}"));
                Response response = put("specs/climbing.json");
                assertEquals(201, response.status(), response.body());
                assertTrue(response.body().contains("outside the folder"), response.body());
                assertEquals(0, trap.opensByOthers(), "the referenced file was opened");
            }
        }

        @Test
        void aReferenceOutOfTheFolderIsDisarmedUnreadAndReported() throws Exception {
            try (NamedPipeTrap trap = NamedPipeTrap.create(outside.resolve("schemas.json"))) {
                String spec = SPEC.replace("{\"description\": \"ok\"}", "{\"description\": \"ok\", \"content\": "
                        + "{\"application/json\": {\"schema\": {\"$ref\": \"" + trap.path().toUri() + "#/Item\"}}}}");
                Response response = gateway.admin("PUT", "/admin/apis/fetched",
                        JSON.writeValueAsString(Map.of("openapi", JSON.readTree(spec))));
                assertEquals(201, response.status(), response.body());
                assertTrue(response.body().contains("outside the folder"), response.body());
                assertEquals(0, trap.opensByOthers(), "the referenced file was opened");
            }
        }
    }
}
