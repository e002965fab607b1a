package dev.mcpgateway.gateway.resource.arm;

import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArmParameterValuesTest {

    private static String refusal(String file) {
        return assertThrows(ArmImportException.class,
                () -> ArmParameterValues.fromParametersFile(json(file))).getMessage();
    }

    @Test
    void readsTheValueOfEachParameter() throws Exception {
        Map<String, JsonNode> values = ArmParameterValues.fromParametersFile(json("""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {"apimServiceName": {"value": "apim-ai"},
                                "openAi": {"value": {"endpoint": "https://aoai.example/", "priority": 1}}}}
                """));

        assertEquals(Map.of("apimServiceName", json("\"apim-ai\""),
                "openAi", json("{\"endpoint\": \"https://aoai.example/\", \"priority\": 1}")), values);
    }

    @Test
    void aKeyVaultReferenceIsRefusedByName() {
        assertEquals("parameter 'openAiKey' is a Key Vault reference, which this import cannot read; "
                + "give its value instead", refusal("""
                {"parameters": {"openAiKey": {"reference": {"keyVault": {"id": "/subscriptions/s/resourceGroups/g/\
                providers/Microsoft.KeyVault/vaults/kv"}, "secretName": "openai-key"}}}}
                """));
    }

    @Test
    void anEntryWithoutValueOrAnotherShapeIsRefused() {
        assertEquals("parameter 'svc' has no \"value\"", refusal("{\"parameters\": {\"svc\": {\"default\": \"x\"}}}"));
        assertEquals("a parameters file is an object with \"parameters\": {\"name\": {\"value\": ...}}",
                refusal("{\"svc\": \"apim-ai\"}"));
    }
}
