package dev.mcpgateway.openapi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a spec becomes tools. Immutable; start from {@link #defaults()} and derive with {@link #toBuilder()}.
 *
 * @param allowRemoteRefs     fetch {@code $ref}s that point at http(s) URLs (off: no surprise network access)
 * @param maxToolNameLength   budget for a tool name INCLUDING the prefix (64 = what LLM function calling accepts)
 * @param toolNamePrefix      prepended to every tool name (e.g. {@code "github."}); empty for none
 * @param include             if not empty, only operations matching at least one rule become tools
 * @param exclude             operations matching any rule are left out (wins over include)
 * @param overrides           per-operation name/description/media type, keyed by operationId or "METHOD /path"
 * @param schemaMode          $defs for recursion (default) or everything inlined
 * @param serverUrl           replaces the spec's servers when set (may hold {variables})
 * @param serverVariables     values for server URL variables, over the spec's defaults
 * @param pinnedParameters    constants the gateway sends and the model never sees
 * @param mediaTypePreference request body media types in order of preference; a glob such as {@code *+json} allowed
 * @param maxSchemaDepth      nesting cap for converted schemas; deeper parts become a described stub
 * @param maxSubschemas       cap on schema nodes emitted per tool schema
 * @param maxResponseBytes    cap on a response body read from the backend
 */
public record ImportOptions(
        boolean allowRemoteRefs,
        int maxToolNameLength,
        String toolNamePrefix,
        List<SelectionRule> include,
        List<SelectionRule> exclude,
        Map<String, OperationOverride> overrides,
        SchemaMode schemaMode,
        String serverUrl,
        Map<String, String> serverVariables,
        List<PinnedParameter> pinnedParameters,
        List<String> mediaTypePreference,
        int maxSchemaDepth,
        int maxSubschemas,
        long maxResponseBytes) {

    public static final int DEFAULT_MAX_TOOL_NAME_LENGTH = 64;
    /** MCP itself allows 128 characters. */
    public static final int MCP_MAX_TOOL_NAME_LENGTH = 128;
    public static final List<String> DEFAULT_MEDIA_TYPE_PREFERENCE = List.of(
            "application/json", "application/*+json", "*/*+json", "application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain", "application/octet-stream");
    public static final int DEFAULT_MAX_SCHEMA_DEPTH = 32;
    public static final int DEFAULT_MAX_SUBSCHEMAS = 2_000;
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1L << 20;

    public ImportOptions {
        // a hash suffix needs room: 8 hash characters, a separator and at least a few readable characters
        if (maxToolNameLength < 16 || maxToolNameLength > MCP_MAX_TOOL_NAME_LENGTH) {
            throw new IllegalArgumentException("maxToolNameLength must be between 16 and 128: " + maxToolNameLength);
        }
        toolNamePrefix = toolNamePrefix == null ? "" : toolNamePrefix;
        if (!toolNamePrefix.matches("[A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("toolNamePrefix may only hold [A-Za-z0-9_.-]: " + toolNamePrefix);
        }
        if (toolNamePrefix.length() > maxToolNameLength - 12) {
            throw new IllegalArgumentException("toolNamePrefix leaves no room for names within " + maxToolNameLength);
        }
        include = List.copyOf(include == null ? List.of() : include);
        exclude = List.copyOf(exclude == null ? List.of() : exclude);
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
        schemaMode = Objects.requireNonNullElse(schemaMode, SchemaMode.DEFS);
        serverVariables = Map.copyOf(serverVariables == null ? Map.of() : serverVariables);
        pinnedParameters = List.copyOf(pinnedParameters == null ? List.of() : pinnedParameters);
        mediaTypePreference = List.copyOf(mediaTypePreference == null || mediaTypePreference.isEmpty()
                ? DEFAULT_MEDIA_TYPE_PREFERENCE : mediaTypePreference);
        if (maxSchemaDepth < 1 || maxSubschemas < 1 || maxResponseBytes < 1) {
            throw new IllegalArgumentException("schema and response caps must be positive");
        }
    }

    public static ImportOptions defaults() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable builder for {@link ImportOptions}. */
    public static final class Builder {
        private boolean allowRemoteRefs;
        private int maxToolNameLength = DEFAULT_MAX_TOOL_NAME_LENGTH;
        private String toolNamePrefix = "";
        private List<SelectionRule> include = List.of();
        private List<SelectionRule> exclude = List.of();
        private Map<String, OperationOverride> overrides = Map.of();
        private SchemaMode schemaMode = SchemaMode.DEFS;
        private String serverUrl;
        private Map<String, String> serverVariables = Map.of();
        private List<PinnedParameter> pinnedParameters = List.of();
        private List<String> mediaTypePreference = DEFAULT_MEDIA_TYPE_PREFERENCE;
        private int maxSchemaDepth = DEFAULT_MAX_SCHEMA_DEPTH;
        private int maxSubschemas = DEFAULT_MAX_SUBSCHEMAS;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {
        }

        private Builder(ImportOptions o) {
            allowRemoteRefs = o.allowRemoteRefs;
            maxToolNameLength = o.maxToolNameLength;
            toolNamePrefix = o.toolNamePrefix;
            include = o.include;
            exclude = o.exclude;
            overrides = o.overrides;
            schemaMode = o.schemaMode;
            serverUrl = o.serverUrl;
            serverVariables = o.serverVariables;
            pinnedParameters = o.pinnedParameters;
            mediaTypePreference = o.mediaTypePreference;
            maxSchemaDepth = o.maxSchemaDepth;
            maxSubschemas = o.maxSubschemas;
            maxResponseBytes = o.maxResponseBytes;
        }

        public Builder allowRemoteRefs(boolean v) { allowRemoteRefs = v; return this; }
        public Builder maxToolNameLength(int v) { maxToolNameLength = v; return this; }
        public Builder toolNamePrefix(String v) { toolNamePrefix = v; return this; }
        public Builder include(List<SelectionRule> v) { include = v; return this; }
        public Builder exclude(List<SelectionRule> v) { exclude = v; return this; }
        public Builder overrides(Map<String, OperationOverride> v) { overrides = v; return this; }
        public Builder schemaMode(SchemaMode v) { schemaMode = v; return this; }
        public Builder serverUrl(String v) { serverUrl = v; return this; }
        public Builder serverVariables(Map<String, String> v) { serverVariables = v; return this; }
        public Builder pinnedParameters(List<PinnedParameter> v) { pinnedParameters = v; return this; }
        public Builder mediaTypePreference(List<String> v) { mediaTypePreference = v; return this; }
        public Builder maxSchemaDepth(int v) { maxSchemaDepth = v; return this; }
        public Builder maxSubschemas(int v) { maxSubschemas = v; return this; }
        public Builder maxResponseBytes(long v) { maxResponseBytes = v; return this; }

        public ImportOptions build() {
            return new ImportOptions(allowRemoteRefs, maxToolNameLength, toolNamePrefix, include, exclude, overrides,
                    schemaMode, serverUrl, serverVariables, pinnedParameters, mediaTypePreference, maxSchemaDepth,
                    maxSubschemas, maxResponseBytes);
        }
    }
}
