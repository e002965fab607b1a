package dev.mcpgateway.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.GatewayFixture.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import report in the admin API: the PUT answer and {@code GET /admin/apis/{id}} show it grouped. */
class ImportReportAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static GatewayFixture gateway;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        gateway = GatewayFixture.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** 12 secured operations that each declare an Authorization header, and one that cannot be a tool. */
    private static String api() throws Exception {
        ObjectNode spec = JSON.createObjectNode().put("openapi", "3.0.3");
        spec.putObject("info").put("title", "Reported").put("version", "1");
        spec.putArray("servers").addObject().put("url", "https://reported.example.com");
        spec.putObject("components").putObject("securitySchemes").putObject("bearer").put("type", "http")
                .put("scheme", "bearer");
        spec.putArray("security").addObject().putArray("bearer");
        ObjectNode paths = spec.putObject("paths");
        for (int i = 1; i <= 12; i++) {
            ObjectNode get = paths.putObject("/things" + i).putObject("get").put("operationId", "getThing" + i);
            get.putArray("parameters").addObject().put("name", "Authorization").put("in", "header")
                    .putObject("schema").put("type", "string");
            get.putObject("responses").putObject("200").put("description", "ok");
        }
        ObjectNode post = paths.putObject("/empty").putObject("post").put("operationId", "postEmpty");
        post.putObject("requestBody").putObject("content").putObject("application/json");
        post.putObject("responses").putObject("204").put("description", "ok");
        return JSON.writeValueAsString(JSON.createObjectNode().set("openapi", spec));
    }

    private static JsonNode expected() throws Exception {
        List<String> shown = IntStream.rangeClosed(1, 10).mapToObj(i -> "getThing" + i).toList();
        List<ObjectNode> warnings = new ArrayList<>();
        warnings.add(JSON.createObjectNode().put("code", "ignored-parameter")
                .put("message", "header parameter Authorization is not a tool argument: OpenAPI ignores it")
                .put("operationCount", 12)
                .<ObjectNode>set("operations", JSON.valueToTree(shown))
                .put("fix", "configure credentials on the API; the gateway adds them to every call that needs them"));
        warnings.add(JSON.createObjectNode().put("code", "skipped-operation")
                .put("message", "request body application/json has no schema, so its arguments are unknown")
                .put("operationCount", 1)
                .set("operations", JSON.valueToTree(List.of("postEmpty"))));
        warnings.add(JSON.createObjectNode().put("code", "missing-credentials")
                .put("message", "operations declare security requirements but the API has no credentials")
                .put("operationCount", 12)
                .<ObjectNode>set("operations", JSON.valueToTree(shown))
                .put("fix", "configure credentials on the API"));
        return JSON.valueToTree(warnings);
    }

    @Test
    void thePutAnswerAndTheApiViewCarryTheGroupedReport() throws Exception {
        Response put = gateway.admin("PUT", "/admin/apis/reported", api());
        assertEquals(201, put.status(), put.body());
        assertEquals(expected(), put.json().get("warnings"));
        assertEquals(1, put.json().get("skippedCount").asInt());

        Response get = gateway.admin("GET", "/admin/apis/reported", null);
        assertEquals(200, get.status(), get.body());
        assertEquals(expected(), get.json().get("warnings"));
    }
}
