package dev.mcpgateway.gateway.admin.resources;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.resource.BodyShape;
import dev.mcpgateway.gateway.resource.ListQuery;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What callers see of resources: secret values removed, in the shape they asked in, with ETags and next links. */
public final class ResourceViews {

    private final ObjectMapper json;

    ResourceViews(ObjectMapper json) {
        this.json = json;
    }

    /** A read asks for ARM with {@code api-version}, as every call of APIM's management API carries it. */
    public static BodyShape shapeOf(HttpRequest<?> request) {
        return request.getParameters().contains("api-version") ? BodyShape.ARM : BodyShape.PLAIN;
    }

    public ObjectNode one(Resource resource, ResourceType type, BodyShape shape) {
        ObjectNode visible = resource.copyOfProperties();
        // from the last pointer back, so that removing one list item never shifts another still to remove
        for (String pointer : type.secretPointers(resource).reversed()) {
            JsonPointer path = JsonPointer.compile(pointer);
            JsonNode parent = visible.at(path.head());
            if (parent instanceof ObjectNode o) {
                o.remove(path.last().getMatchingProperty());
            } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
                a.remove(path.last().getMatchingIndex());
            }
        }
        return shape.write(resource.kind(), resource.id(), visible, json);
    }

    MutableHttpResponse<ObjectNode> answer(MutableHttpResponse<?> status, Resource resource, ResourceType type,
                                           BodyShape shape) {
        return status.header(HttpHeaders.ETAG, resource.etag()).body(one(resource, type, shape));
    }

    /** APIM's collection answer: {@code value}, {@code count}, and {@code nextLink} while pages remain. */
    HttpResponse<ObjectNode> page(HttpRequest<?> request, ListQuery.Page page, int total,
                                  java.util.function.Function<Resource, ObjectNode> show) {
        ObjectNode body = json.createObjectNode();
        var value = body.putArray("value");
        page.items().forEach(r -> value.add(show.apply(r)));
        body.put("count", total);
        if (page.nextSkip() >= 0) {
            StringBuilder next = new StringBuilder(request.getPath()).append("?");
            for (Map.Entry<String, java.util.List<String>> p : request.getParameters().asMap().entrySet()) {
                if (!p.getKey().equals("$skip")) {
                    p.getValue().forEach(v -> next.append(encode(p.getKey())).append('=').append(encode(v))
                            .append('&'));
                }
            }
            body.put("nextLink", next.append("$skip=").append(page.nextSkip()).toString());
        }
        return HttpResponse.ok(body);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%24", "$");
    }
}
