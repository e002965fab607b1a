package dev.mcpgateway.llm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.config.LlmSettings;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LlmApiRegistryTest {

    private final LlmApiRegistry registry = new LlmApiRegistry(new LlmSettings());

    private static LlmApi azure(String id, String path) {
        return new LlmApi(id, path, LlmApi.Type.AZURE_OPENAI, true, null, null);
    }

    private static LlmApi openai(String id, String path) {
        return new LlmApi(id, path, LlmApi.Type.OPENAI, true, null, null);
    }

    private ApiMatch match(String path) {
        return registry.match(path).orElseThrow(() -> new AssertionError(path + " is under no API"));
    }

    @Nested
    class WhileNoApiIsRegistered {

        @Test
        void theBuiltInsServeTheAzureAndOpenAiSurfaces() {
            ApiMatch azure = match("/openai/deployments/gpt-4o/chat/completions");
            ApiMatch openai = match("/v1/embeddings");

            assertEquals("azure-openai", azure.api().id());
            assertEquals(Operation.CHAT_COMPLETIONS, azure.operation());
            assertEquals("gpt-4o", azure.deployment());
            assertEquals("openai", openai.api().id());
            assertEquals(Operation.EMBEDDINGS, openai.operation());
            assertNull(openai.deployment(), "the model is in the body");
        }

        @Test
        void theBuiltInsTakeTheKeysAzureAndOpenAiClientsSend() {
            SubscriptionKeyNames names = match("/v1/chat/completions").api().subscriptionKeyParameterNames();
            assertTrue(names.isKeyHeader("api-key") && names.isKeyHeader("ocp-apim-subscription-key"));
        }

        @Test
        void theSubscriptionRequirementIsTheProxysSetting() {
            LlmSettings settings = new LlmSettings();
            settings.setSubscriptionRequired(false);
            assertFalse(new LlmApiRegistry(settings).match("/v1/completions").orElseThrow().api().subscriptionRequired());
        }
    }

    @Nested
    class OnceAnApiIsRegistered {

        @Test
        void onlyTheRegisteredApisServe() {
            registry.put(azure("east", "aoai/east"));

            assertTrue(registry.match("/openai/deployments/gpt-4o/chat/completions").isEmpty());
            assertTrue(registry.match("/v1/chat/completions").isEmpty());
            assertEquals("east", match("/aoai/east/deployments/gpt-4o/completions").api().id());
        }

        @Test
        void removingTheLastOneBringsTheBuiltInsBack() {
            registry.put(azure("east", "aoai/east"));
            assertTrue(registry.remove("east"));

            assertEquals("openai", match("/v1/chat/completions").api().id());
            assertFalse(registry.remove("east"));
        }

        @Test
        void anAzureApiAtTheRootServesDeploymentsDirectly() {
            registry.put(azure("root", ""));

            ApiMatch m = match("/deployments/my%20deployment+1/embeddings");

            assertEquals("root", m.api().id());
            assertEquals("my deployment+1", m.deployment());
            assertEquals(Operation.EMBEDDINGS, m.operation());
        }

        @Test
        void anAzureApiAtTheRootClaimsWhatIsBelowDeploymentsAndNothingElse() {
            registry.put(azure("root", ""));

            assertFalse(match("/deployments/gpt-4o/images/generations").servesOperation());
            assertEquals(Optional.empty(), registry.match("/admin/backends"));
        }

        @Test
        void anAzureApiServesResponsesWithTheModelInTheBody() {
            registry.put(azure("aoai", "openai"));

            ApiMatch m = match("/openai/responses");

            assertEquals(Operation.RESPONSES, m.operation());
            assertNull(m.deployment());
            assertFalse(match("/openai/deployments/gpt-4o/responses").servesOperation(), "not an Azure path");
        }

        @Test
        void anOpenAiApiServesEveryOperationBelowItsPath() {
            registry.put(openai("oai", "llm/v1"));

            for (Operation operation : Operation.values()) {
                assertEquals(operation, match("/llm/v1/" + operation.path()).operation());
            }
        }

        @Test
        void aPathUnderAnApiThatNamesNoOperationIsStillItsPath() {
            registry.put(azure("east", "aoai/east"));
            registry.put(openai("oai", "v1"));

            assertFalse(match("/aoai/east/deployments/gpt-4o/images/generations").servesOperation());
            assertFalse(match("/aoai/east").servesOperation());
            assertFalse(match("/v1/models").servesOperation());
            assertEquals("oai", match("/v1/models").api().id());
        }

        @Test
        void aPathUnderNoApiIsNotMatched() {
            registry.put(azure("east", "aoai/east"));

            assertEquals(Optional.empty(), registry.match("/aoai/west/deployments/gpt-4o/chat/completions"));
            assertEquals(Optional.empty(), registry.match("/aoai"));
            assertEquals(Optional.empty(), registry.match("/mcp/shop"));
        }

        @Test
        void theLongestApiPathWins() {
            registry.put(openai("everything", ""));
            registry.put(openai("v1", "v1"));

            assertEquals("v1", match("/v1/chat/completions").api().id());
            assertEquals("everything", match("/chat/completions").api().id());
            assertEquals(Optional.empty(), registry.match("/mcp/shop"), "at the root only its operations are claimed");
        }

        @Test
        void twoApisAtOnePathAreRefusedButAnApiMayBeReplaced() {
            registry.put(azure("east", "aoai/east"));
            registry.put(azure("east", "aoai/east2"));

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> registry.put(openai("other", "/aoai/east2/")));

            assertTrue(e.getMessage().contains("'east'"), e.getMessage());
            assertTrue(registry.match("/aoai/east/deployments/d/embeddings").isEmpty(), "the old path is gone");
        }
    }

    @Nested
    class ApiPaths {

        @Test
        void slashesAroundThePathAreDropped() {
            assertEquals("aoai/east", azure("east", "/aoai/east/").path());
            assertEquals("", azure("root", "/").path());
            assertEquals("", azure("root", null).path());
        }

        @Test
        void aPathWithAnEmptySegmentOrAQueryIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> azure("x", "aoai//east"));
            assertThrows(IllegalArgumentException.class, () -> azure("x", "aoai?x=1"));
        }

        @Test
        void apimsKeyNamesAreTheDefault() {
            assertEquals(SubscriptionKeyNames.of("Ocp-Apim-Subscription-Key", "subscription-key"),
                    azure("east", "aoai").subscriptionKeyParameterNames());
        }
    }
}
