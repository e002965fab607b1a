package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an ARM parameters file ({@code {"parameters": {"name": {"value": ...}}}}) into template parameter values. */
public final class ArmParameterValues {

    private ArmParameterValues() {
    }

    public static Map<String, JsonNode> fromParametersFile(JsonNode file) throws ArmImportException {
        if (file == null || !file.path("parameters").isObject()) {
            throw new ArmImportException("a parameters file is an object with \"parameters\": "
                    + "{\"name\": {\"value\": ...}}");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> parameter : file.get("parameters").properties()) {
            JsonNode entry = parameter.getValue();
            if (entry.has("reference")) {
                throw new ArmImportException("parameter '" + parameter.getKey() + "' is a Key Vault reference, "
                        + "which this import cannot read; give its value instead");
            }
            if (!entry.has("value")) {
                throw new ArmImportException("parameter '" + parameter.getKey() + "' has no \"value\"");
            }
            values.put(parameter.getKey(), entry.get("value"));
        }
        return values;
    }
}
