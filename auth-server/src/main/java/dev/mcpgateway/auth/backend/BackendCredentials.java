package dev.mcpgateway.auth.backend;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles a {@code credentials} block (from gateway.yml or an admin request body, as a plain map) into a
 * {@link BackendCredential}, once, when the API is registered. Errors name the key, e.g. {@code credentials.in}.
 *
 * <pre>
 * credentials: {type: apiKey, in: header|query|cookie, name: X-API-Key, value: ${KEY}}
 * credentials: {type: basic, username: u, password: ${PASSWORD}}
 * credentials: {type: bearer, token: ${TOKEN}}
 * credentials: {type: oauth2ClientCredentials, tokenUrl: https://..., clientId: id, clientSecret: ${SECRET},
 *               scope: "api://x/.default"}
 * credentials: {type: managedIdentity, resource: https://cognitiveservices.azure.com, clientId: optional-uami-id}
 * </pre>
 * A value may be a reference, {@code ${NAME}} or {@code {{name}}}, resolved by {@link SecretResolver}.
 *
 * <p>Without {@code type}, the block may be Azure API Management's backend credentials, added exactly as written
 * ({@link ApimCredential}):
 *
 * <pre>
 * credentials: {header: {api-key: [${KEY}]}, query: {code: [${CODE}]},
 *               authorization: {scheme: Bearer, parameter: ${TOKEN}}}
 * </pre>
 */
public final class BackendCredentials {

    private static final String PREFIX = "credentials.";
    private static final Set<String> APIM_KEYS = Set.of("header", "query", "authorization");

    private final SecretResolver secrets;
    private final IdentityEndpoint identityEndpoint;

    /** Managed identity tokens come from this process's Azure identity endpoint. */
    public BackendCredentials(SecretResolver secrets) {
        this(secrets, IdentityEndpoint.fromEnvironment(System::getenv));
    }

    public BackendCredentials(SecretResolver secrets, IdentityEndpoint identityEndpoint) {
        this.secrets = secrets;
        this.identityEndpoint = identityEndpoint;
    }

    /** The credential a block describes; an absent or empty block means {@link NoCredential}. */
    public BackendCredential compile(Map<String, ?> config) throws CredentialConfigException {
        if (config == null || config.isEmpty()) {
            return NoCredential.INSTANCE;
        }
        if (!config.containsKey("type") && config.keySet().stream().anyMatch(APIM_KEYS::contains)) {
            return apim(config);
        }
        String typeName = required(config, "type");
        CredentialType type = CredentialType.fromConfigName(typeName).orElseThrow(() -> new CredentialConfigException(
                PREFIX + "type", "unknown credential type '" + typeName + "' (expected one of "
                        + Arrays.stream(CredentialType.values()).map(CredentialType::configName)
                        .collect(Collectors.joining(", ")) + ")"));
        return switch (type) {
            case NONE -> NoCredential.INSTANCE;
            case API_KEY -> new ApiKeyCredential(location(config), required(config, "name"), secret(config, "value"));
            case BASIC -> new BasicCredential(secrets.resolveText(PREFIX + "username", required(config, "username")),
                    secret(config, "password"));
            case BEARER -> new BearerCredential(secret(config, "token"));
            case CLIENT_CREDENTIALS -> new FetchedTokenCredential(new ClientCredentialsTokenSource(
                    new ClientCredentialsSettings(tokenUrl(config),
                            secrets.resolveText(PREFIX + "clientId", required(config, "clientId")),
                            secret(config, "clientSecret"),
                            optional(config, "scope"), timeout(config))));
            case ON_BEHALF_OF -> {
                Optional<String> scope = optional(config, "scope");
                Optional<String> audience = optional(config, "audience");
                if (scope.isEmpty() && audience.isEmpty()) {
                    throw new CredentialConfigException(PREFIX + "scope", "onBehalfOf needs scope (Entra on-behalf-of)"
                            + " or audience (token exchange)");
                }
                yield new OnBehalfOfCredential(scope, audience);
            }
            case MANAGED_IDENTITY -> new FetchedTokenCredential(new ManagedIdentityTokenSource(
                    new ManagedIdentitySettings(secrets.resolveText(PREFIX + "resource", required(config, "resource")),
                            resolvedOptional(config, "clientId"), identityEndpoint, timeout(config))));
        };
    }

    private ApimCredential apim(Map<String, ?> config) throws CredentialConfigException {
        for (String key : config.keySet()) {
            if (!APIM_KEYS.contains(key)) {
                throw new CredentialConfigException(PREFIX + key,
                        "is not a known key (expected header, query or authorization)");
            }
        }
        Optional<ApimCredential.Authorization> authorization = Optional.empty();
        Object block = config.get("authorization");
        if (block != null) {
            if (!(block instanceof Map<?, ?> map)) {
                throw new CredentialConfigException(PREFIX + "authorization", "must be a mapping of scheme and parameter");
            }
            String field = PREFIX + "authorization.";
            String scheme = single(field + "scheme", map.get("scheme"))
                    .orElseThrow(() -> new CredentialConfigException(field + "scheme", "is required"));
            String parameter = single(field + "parameter", map.get("parameter"))
                    .orElseThrow(() -> new CredentialConfigException(field + "parameter", "is required"));
            authorization = Optional.of(new ApimCredential.Authorization(
                    secrets.resolveText(field + "scheme", scheme), secrets.resolve(field + "parameter", parameter)));
        }
        return new ApimCredential(namedValues(config, "header"), namedValues(config, "query"), authorization);
    }

    /** {@code {name: [values]}}; a single value stands for a list of one. */
    private Map<String, List<Secret>> namedValues(Map<String, ?> config, String key) throws CredentialConfigException {
        Object block = config.get(key);
        if (block == null) {
            return Map.of();
        }
        if (!(block instanceof Map<?, ?> map)) {
            throw new CredentialConfigException(PREFIX + key, "must be a mapping of names to lists of values");
        }
        Map<String, List<Secret>> named = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            String field = PREFIX + key + "." + name;
            if (name.isBlank()) {
                throw new CredentialConfigException(PREFIX + key, "a name is blank");
            }
            List<?> raw = entry.getValue() instanceof List<?> list ? list
                    : entry.getValue() == null ? List.of() : List.of(entry.getValue());
            if (raw.isEmpty()) {
                throw new CredentialConfigException(field, "needs at least one value");
            }
            List<Secret> values = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                String valueField = field + "[" + i + "]";
                String value = single(valueField, raw.get(i))
                        .orElseThrow(() -> new CredentialConfigException(valueField, "is empty"));
                values.add(secrets.resolve(valueField, value));
            }
            named.put(name, values);
        }
        return named;
    }

    private ApiKeyCredential.Location location(Map<String, ?> config) throws CredentialConfigException {
        String in = optional(config, "in").orElse("header");
        try {
            return ApiKeyCredential.Location.valueOf(in.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CredentialConfigException(PREFIX + "in", "must be header, query or cookie, not '" + in + "'");
        }
    }

    private static URI tokenUrl(Map<String, ?> config) throws CredentialConfigException {
        String text = required(config, "tokenUrl");
        try {
            URI uri = URI.create(text);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CredentialConfigException(PREFIX + "tokenUrl", "must be an http(s) URL");
        }
    }

    private static Duration timeout(Map<String, ?> config) throws CredentialConfigException {
        Optional<String> text = optional(config, "timeoutMillis");
        if (text.isEmpty()) {
            return ClientCredentialsSettings.DEFAULT_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(text.get());
            if (millis <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new CredentialConfigException(PREFIX + "timeoutMillis", "must be a positive number");
        }
    }

    private Secret secret(Map<String, ?> config, String key) throws CredentialConfigException {
        return secrets.resolve(PREFIX + key, required(config, key));
    }

    private Optional<String> resolvedOptional(Map<String, ?> config, String key) throws CredentialConfigException {
        Optional<String> configured = optional(config, key);
        return configured.isEmpty() ? configured : Optional.of(secrets.resolveText(PREFIX + key, configured.get()));
    }

    private static String required(Map<String, ?> config, String key) throws CredentialConfigException {
        return optional(config, key).orElseThrow(() -> new CredentialConfigException(PREFIX + key, "is required"));
    }

    private static Optional<String> optional(Map<String, ?> config, String key) throws CredentialConfigException {
        return single(PREFIX + key, config.get(key));
    }

    private static Optional<String> single(String field, Object value) throws CredentialConfigException {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof Iterable) {
            throw new CredentialConfigException(field, "must be a single value");
        }
        String text = value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
