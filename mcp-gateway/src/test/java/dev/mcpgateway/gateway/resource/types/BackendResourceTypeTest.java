package dev.mcpgateway.gateway.resource.types;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.admin;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.json;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.setOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRef;
import dev.mcpgateway.gateway.resource.ResourceSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BackendResourceTypeTest {

    private static final String ARM_BACKENDS =
            "/subscriptions/x/resourceGroups/r/providers/Microsoft.ApiManagement/service/s/backends/";

    private final BackendResourceType type = new BackendResourceType();
    private final ResourceSet current = setOf(
            admin(ResourceKind.BACKENDS, "b1", "{type: 'Single', url: 'https://b1.example'}"),
            admin(ResourceKind.BACKENDS, "b2", "{type: 'Single', url: 'https://b2.example'}"),
            admin(ResourceKind.BACKENDS, "pool1", "{type: 'Pool', pool: {services: [{id: 'b1'}]}}"));

    private ObjectNode normalise(String id, String properties) throws InvalidDefinitionException {
        return type.normalise(id, json(properties), current, null);
    }

    private static String members(int count) {
        StringBuilder services = new StringBuilder();
        for (int i = 0; i < count; i++) {
            services.append(i == 0 ? "" : ", ").append("{id: 'm").append(i).append("'}");
        }
        return "{type: 'Pool', pool: {services: [" + services + "]}}";
    }

    @Nested
    class Single {

        @Test
        void isTheDefaultType() throws Exception {
            assertEquals(json("{url: 'https://b3.example', type: 'Single'}"),
                    normalise("b3", "{url: 'https://b3.example'}"));
        }

        @Test
        void takesItsTypeInAnyCase() throws Exception {
            assertEquals("Single", normalise("b3", "{type: 'single', url: 'https://b3.example'}").path("type").asText());
        }

        @Test
        void takesAUrlMadeOfReferences() throws Exception {
            normalise("b3", "{url: '${AOAI_ENDPOINT}'}");
            normalise("b3", "{url: '{{aoai-endpoint}}/openai'}");
        }

        @Test
        void takesAHeaderCredentialGivenAsOneStringAsAListOfOne() throws Exception {
            ObjectNode p = normalise("b3", "{url: 'https://b3.example', credentials: {header: {'api-key': 'k1'},"
                    + " query: {code: ['c1', 'c2']}, authorization: {scheme: 'Bearer', parameter: 't'}}}");

            assertEquals(json("{header: {'api-key': ['k1']}, query: {code: ['c1', 'c2']},"
                    + " authorization: {scheme: 'Bearer', parameter: 't'}}"), p.get("credentials"));
        }

        @Test
        void hidesEveryCredentialValue() {
            var backend = admin(ResourceKind.BACKENDS, "b3", "{url: 'https://b3.example', credentials: {"
                    + "header: {'api-key': ['k1'], 'a/b~c': ['x']}, query: {code: ['c1']},"
                    + " authorization: {scheme: 'Basic', parameter: 'p'}, clientSecret: 's'}}");

            assertEquals(List.of("/credentials/header/api-key/0", "/credentials/header/a~1b~0c/0",
                    "/credentials/query/code/0", "/credentials/clientSecret", "/credentials/authorization/parameter"),
                    type.secretPointers(backend));
        }

        @Test
        void treatsAValueThatOnlyRefersToANamedValueOrTheEnvironmentAsNoSecret() {
            var backend = admin(ResourceKind.BACKENDS, "b4", "{url: 'https://b4.example', credentials: {"
                    + "header: {'api-key': ['{{aoai-key}}', 'literal']}, query: {code: ['${CODE}']}}}");

            assertEquals(List.of("/credentials/header/api-key/1"), type.secretPointers(backend));
        }

        @Test
        void keepsItsModelEndpointSettings() throws Exception {
            ObjectNode p = normalise("b3", "{url: 'https://b3.example', aiProvider: 'Azure-OpenAI', timeout: 'PT30S',"
                    + " deployment: 'gpt-4o', apiVersion: '2024-10-21', models: ['gpt-4o'],"
                    + " tls: {validateCertificateChain: true, validateCertificateName: false}}");

            assertEquals("gpt-4o", p.path("deployment").asText());
            assertEquals("PT30S", p.path("timeout").asText());
        }

        @Test
        void refusesEachBadFieldNamingIt() {
            assertRefusedAt("url", () -> normalise("b3", "{}"));
            assertRefusedAt("url", () -> normalise("b3", "{url: 'ftp://b3.example'}"));
            assertRefusedAt("type", () -> normalise("b3", "{type: 'Cluster', url: 'https://b3.example'}"));
            assertRefusedAt("pool", () -> normalise("b3", "{url: 'https://b3.example', pool: {services: []}}"));
            assertRefusedAt("colour", () -> normalise("b3", "{url: 'https://b3.example', colour: 'red'}"));
            assertRefusedAt("credentials.header.api-key", () -> normalise("b3",
                    "{url: 'https://b3.example', credentials: {header: {'api-key': 42}}}"));
            assertRefusedAt("credentials.query.code", () -> normalise("b3",
                    "{url: 'https://b3.example', credentials: {query: {code: []}}}"));
            assertRefusedAt("credentials.tenant", () -> normalise("b3",
                    "{url: 'https://b3.example', credentials: {tenant: 't'}}"));
            assertRefusedAt("credentials.authorization.scheme", () -> normalise("b3",
                    "{url: 'https://b3.example', credentials: {authorization: {parameter: 'p'}}}"));
            assertRefusedAt("credentials.certificate", () -> normalise("b3",
                    "{url: 'https://b3.example', credentials: {certificateIds: ['c1']}}"));
            assertRefusedAt("tls.validate", () -> normalise("b3", "{url: 'https://b3.example', tls: {validate: true}}"));
            assertRefusedAt("timeout", () -> normalise("b3", "{url: 'https://b3.example', timeout: '30s'}"));
            assertRefusedAt("aiProvider", () -> normalise("b3", "{url: 'https://b3.example', aiProvider: 'bedrock'}"));
            assertRefusedAt("models", () -> normalise("b3", "{url: 'https://b3.example', models: 'gpt-4o'}"));
        }
    }

    @Nested
    class Pool {

        @Test
        void takesItsTypeInAnyCaseAndReferencesInEveryForm() throws Exception {
            ObjectNode p = normalise("pool2", "{type: 'pool', pool: {services: [{id: '/backends/b1', priority: 1},"
                    + " {id: '" + ARM_BACKENDS + "b2', weight: 3}]}}");

            assertEquals("Pool", p.path("type").asText());
            assertEquals(List.of("/backends/b1", "/backends/b2"),
                    p.path("pool").path("services").findValuesAsText("id"), "stored in the short form");
            assertEquals(List.of(new ResourceRef(ResourceKind.BACKENDS, "b1", "pool.services[0].id"),
                            new ResourceRef(ResourceKind.BACKENDS, "b2", "pool.services[1].id")),
                    type.references(admin(ResourceKind.BACKENDS, "pool2", p.toString())));
        }

        @Test
        void takesABareMemberName() throws Exception {
            ObjectNode p = normalise("pool2", "{type: 'Pool', pool: {services: [{id: 'b2'}]}}");

            assertEquals("/backends/b2", p.path("pool").path("services").path(0).path("id").asText());
            assertEquals(List.of(new ResourceRef(ResourceKind.BACKENDS, "b2", "pool.services[0].id")),
                    type.references(admin(ResourceKind.BACKENDS, "pool2", p.toString())));
        }

        @Test
        void takesUpToThirtyMembers() throws Exception {
            assertEquals(BackendResourceType.MAX_POOL_MEMBERS,
                    normalise("pool2", members(BackendResourceType.MAX_POOL_MEMBERS)).path("pool").path("services")
                            .size());
        }

        @Test
        void refusesNoneOrMoreThanThirtyMembers() {
            assertRefusedAt("pool.services", () -> normalise("pool2", members(0)));
            assertRefusedAt("pool.services", () -> normalise("pool2", members(31)));
            assertRefusedAt("pool.services", () -> normalise("pool2", "{type: 'Pool'}"));
        }

        @Test
        void refusesWhatBelongsOnItsMembersNamingIt() {
            for (String field : List.of("url: 'https://p.example'", "credentials: {header: {a: 'b'}}",
                    "circuitBreaker: {rules: []}")) {
                String name = field.substring(0, field.indexOf(':'));
                assertRefusedAt(name, () -> normalise("pool2",
                        "{type: 'Pool', pool: {services: [{id: 'b1'}]}, " + field + "}"));
            }
        }

        @Test
        void refusesAMemberThatIsAPool() {
            var e = assertRefusedAt("pool.services[1].id", () -> normalise("pool2",
                    "{type: 'Pool', pool: {services: [{id: 'b1'}, {id: '/backends/pool1'}]}}"));

            assertTrue(e.getMessage().contains("pool1"), e.getMessage());
        }

        @Test
        void refusesAMemberNamedTwiceOrItself() {
            assertRefusedAt("pool.services[1].id", () -> normalise("pool2",
                    "{type: 'Pool', pool: {services: [{id: 'b1'}, {id: '/backends/b1'}]}}"));
            assertRefusedAt("pool.services[0].id", () -> normalise("pool2",
                    "{type: 'Pool', pool: {services: [{id: 'pool2'}]}}"));
        }

        @Test
        void refusesEachBadMemberFieldNamingIt() {
            assertRefusedAt("pool.services[0].id", () -> normalise("pool2",
                    "{type: 'Pool', pool: {services: [{id: '/apis/b1'}]}}"));
            assertRefusedAt("pool.services[0].id", () -> normalise("pool2",
                    "{type: 'Pool', pool: {services: [{priority: 1}]}}"));
            assertRefusedAt("pool.services[0].priority", () -> normalise("pool2",
                    "{type: 'Pool', pool: {services: [{id: 'b1', priority: 101}]}}"));
            assertRefusedAt("pool.services[0].weight", () -> normalise("pool2",
                    "{type: 'Pool', pool: {services: [{id: 'b1', weight: 0}]}}"));
            assertRefusedAt("pool.services[0].region", () -> normalise("pool2",
                    "{type: 'Pool', pool: {services: [{id: 'b1', region: 'eu'}]}}"));
            assertRefusedAt("pool.services[0]", () -> normalise("pool2", "{type: 'Pool', pool: {services: ['b1']}}"));
            assertRefusedAt("pool.strategy", () -> normalise("pool2",
                    "{type: 'Pool', pool: {services: [{id: 'b1'}], strategy: 'random'}}"));
        }
    }
}
