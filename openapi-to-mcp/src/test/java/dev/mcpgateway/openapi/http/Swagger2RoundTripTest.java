package dev.mcpgateway.openapi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.openapi.ImportOptions;
import dev.mcpgateway.openapi.ImportResult;
import dev.mcpgateway.openapi.OpenApiImporter;
import dev.mcpgateway.openapi.SpecSource;
import dev.mcpgateway.testsupport.EchoHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Swagger 2.0 shapes (in: body, formData, type: file, collectionFormat) from import to what the server got. */
class Swagger2RoundTripTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static ImportResult imported;
    private static EchoHttpServer echo;

    @BeforeAll
    static void importAndStart() {
        imported = new OpenApiImporter().importSpec(
                SpecSource.file(Path.of("src/test/resources/specs/http-wire-cases-swagger2.yaml")),
                ImportOptions.defaults());
        echo = EchoHttpServer.start();
    }

    @AfterAll
    static void stop() {
        echo.close();
    }

    private static EchoHttpServer.Received call(String tool, Map<String, Object> args) throws Exception {
        var plan = imported.tool(tool).orElseThrow().buildRequest(args,
                BackendTarget.baseUrl(URI.create(echo.baseUri() + "/v2")));
        CLIENT.send(plan.toRequestBuilder().timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding());
        return echo.last();
    }

    @Test
    void sendsAnObjectInBodyParameterBuiltFromItsProperties() throws Exception {
        var received = call("addPet", Map.of("name", "Rex", "tags", List.of("good")));
        assertEquals("{\"name\":\"Rex\",\"tags\":[\"good\"]}", received.bodyText());
        assertEquals(List.of("application/json"), received.header("Content-Type"));
    }

    @Test
    void sendsCollectionFormatsAsTheirOpenApi3Equivalents() throws Exception {
        var received = call("findPets", Map.of("status", List.of("a", "b"), "ids", List.of(1, 2),
                "tags", List.of("x", "y")));
        assertEquals("status=a&status=b&ids=1,2&tags=x%7Cy", received.rawQuery());
    }

    @Test
    void sendsFormDataParametersAsAFormBody() throws Exception {
        var received = call("updatePetWithForm", Map.of("petId", 3, "name", "Rex Jr", "status", "sold"));
        assertEquals("/v2/pets/3", received.rawPath());
        assertEquals("name=Rex+Jr&status=sold", received.bodyText());
        assertEquals(List.of("application/x-www-form-urlencoded"), received.header("Content-Type"));
    }

    @Test
    void sendsATypeFileParameterAsAMultipartFile() throws Exception {
        var received = call("uploadFile", Map.of("petId", 3, "additionalMetadata", "m",
                "file", Map.of("content", "aGk=", "filename", "hi.txt", "contentType", "text/plain")));
        String body = received.bodyText();
        assertTrue(received.header("Content-Type").getFirst().startsWith("multipart/form-data; boundary="));
        assertTrue(body.contains("Content-Disposition: form-data; name=\"additionalMetadata\"\r\n\r\nm\r\n"), body);
        assertTrue(body.contains("Content-Disposition: form-data; name=\"file\"; filename=\"hi.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhi\r\n"), body);
    }
}
