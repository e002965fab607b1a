package dev.mcpgateway.gateway.resource;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BodyShapeTest {

    @Nested
    class Detection {

        @Test
        void anObjectPropertiesWithOnlyArmMembersBesideItIsArm() {
            assertEquals(BodyShape.ARM, BodyShape.of(json("{properties: {value: 'x'}}")));
            assertEquals(BodyShape.ARM, BodyShape.of(json(
                    "{id: '/named-values/nv1', type: 'Microsoft.ApiManagement/service/namedValues', name: 'nv1',"
                            + " properties: {value: 'x'}}")));
        }

        @Test
        void anythingElseIsPlain() {
            for (String body : List.of("{value: 'x'}", "{properties: 'x', value: 'y'}", "{properties: ['x']}",
                    "{properties: {value: 'x'}, value: 'y'}", "{properties: {value: 'x'}, location: 'westeurope'}")) {
                assertEquals(BodyShape.PLAIN, BodyShape.of(json(body)), body);
            }
            assertEquals(BodyShape.PLAIN, BodyShape.of(ResourceFixtures.JSON.createArrayNode()));
        }
    }

    @Nested
    class ReadingProperties {

        @Test
        void armBodiesGiveTheirProperties() throws Exception {
            ObjectNode body = json("{id: '/named-values/nv1', name: 'nv1', properties: {value: 'x', id: 'kept'}}");

            assertEquals(json("{value: 'x', id: 'kept'}"), BodyShape.ARM.properties(body));
        }

        @Test
        void plainBodiesDropTheIdAnAnswerCarried() throws Exception {
            ObjectNode body = json("{id: 'nv1', value: 'x'}");

            assertEquals(json("{value: 'x'}"), BodyShape.PLAIN.properties(body));
            assertEquals(json("{id: 'nv1', value: 'x'}"), body);
        }

        @Test
        void aBodyThatIsNotAnObjectIsRefusedNamingTheBody() {
            assertRefusedAt("body", () -> BodyShape.PLAIN.properties(ResourceFixtures.JSON.createArrayNode()));
            assertRefusedAt("body", () -> BodyShape.ARM.properties(json("{properties: 'x'}")));
        }
    }

    @Nested
    class Writing {

        @Test
        void plainIsTheIdFollowedByTheProperties() {
            ObjectNode body = BodyShape.PLAIN.write(ResourceKind.NAMED_VALUES, "nv1", json("{value: 'x'}"),
                    ResourceFixtures.JSON);

            assertEquals(json("{id: 'nv1', value: 'x'}"), body);
            assertEquals("id", body.fieldNames().next());
        }

        @Test
        void armCarriesIdTypeNameAndProperties() {
            ObjectNode body = BodyShape.ARM.write(ResourceKind.BACKENDS, "b1", json("{url: 'https://b1.example'}"),
                    ResourceFixtures.JSON);

            assertEquals(json("{id: '/backends/b1', type: 'Microsoft.ApiManagement/service/backends', name: 'b1',"
                    + " properties: {url: 'https://b1.example'}}"), body);
        }

        @Test
        void anArmAnswerReadBackIsArmWithTheSameProperties() throws Exception {
            ObjectNode properties = json("{value: 'x', secret: false}");
            ObjectNode body = BodyShape.ARM.write(ResourceKind.NAMED_VALUES, "nv1", properties, ResourceFixtures.JSON);

            assertEquals(BodyShape.ARM, BodyShape.of(body));
            assertEquals(properties, BodyShape.ARM.properties(body));
        }
    }
}
