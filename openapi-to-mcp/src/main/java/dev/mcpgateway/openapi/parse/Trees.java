package dev.mcpgateway.openapi.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads JSON or YAML into a tree with bounds: large documents (tens of MB) are fine, alias bombs are not
 * (SnakeYAML's alias limit stays on).
 */
final class Trees {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML;

    static {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(128 * 1024 * 1024);
        loader.setMaxAliasesForCollections(100);
        YAML = new YAMLMapper(YAMLFactory.builder().loaderOptions(loader).build());
    }

    private Trees() {
    }

    static JsonNode parse(String text) throws JsonProcessingException {
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") ? JSON.readTree(text) : YAML.readTree(text);
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }
}
