package dev.mcpgateway.gateway.resource;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceEtagTest {

    private static String tag(String properties) {
        return admin(ResourceKind.BACKENDS, "b1", properties).etag();
    }

    @Test
    void isAQuotedStrongTag() {
        String tag = tag("{url: 'https://b1.example'}");

        assertTrue(tag.matches("\"[0-9a-f]{24}\""), tag);
    }

    @Test
    void isTheSameForTheSameContentInAnotherKeyOrderAtEveryLevel() {
        assertEquals(tag("{url: 'https://b1.example', credentials: {header: {a: ['1'], b: ['2']}, query: {}}}"),
                tag("{credentials: {query: {}, header: {b: ['2'], a: ['1']}}, url: 'https://b1.example'}"));
    }

    @Test
    void changesWithAnyChangeOfContent() {
        String base = "{url: 'https://b1.example', credentials: {header: {a: ['1', '2']}}}";
        List<String> changed = List.of(
                "{url: 'https://b2.example', credentials: {header: {a: ['1', '2']}}}",
                "{url: 'https://b1.example', credentials: {header: {a: ['2', '1']}}}",
                "{url: 'https://b1.example', credentials: {header: {a: ['1', '2'], b: ['3']}}}",
                "{url: 'https://b1.example', credentials: {header: {a: ['1']}}}",
                "{url: 'https://b1.example', credentials: {header: {a: ['1', '2']}}, title: null}",
                "{url: 'https://b1.example'}");

        for (String other : changed) {
            assertNotEquals(tag(base), tag(other), other);
        }
    }
}
