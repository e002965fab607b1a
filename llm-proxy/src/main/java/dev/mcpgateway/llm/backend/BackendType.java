package dev.mcpgateway.llm.backend;

import java.util.Locale;

/** How a backend spells its URLs: Azure OpenAI deployments or the OpenAI-compatible {@code /v1} API. */
public enum BackendType {
    AZURE_OPENAI,
    OPENAI;

    /** Accepts {@code azure-openai}, {@code azure_openai}, {@code AzureOpenAI}, {@code openai}, {@code openai-compatible}. */
    public static BackendType parse(String text) {
        if (text == null || text.isBlank()) {
            return OPENAI;
        }
        String t = text.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (t.equals("azureopenai") || t.equals("azure")) {
            return AZURE_OPENAI;
        }
        if (t.equals("openai") || t.equals("openaicompatible")) {
            return OPENAI;
        }
        throw new IllegalArgumentException("unknown backend type '" + text + "' (azure-openai or openai)");
    }
}
