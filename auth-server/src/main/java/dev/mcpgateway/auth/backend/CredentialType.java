package dev.mcpgateway.auth.backend;

import java.util.Arrays;
import java.util.Optional;

/** The credential types, by the name used in gateway.yml and admin request bodies ({@code credentials.type}). */
public enum CredentialType {
    NONE("none"),
    API_KEY("apiKey"),
    BASIC("basic"),
    BEARER("bearer"),
    CLIENT_CREDENTIALS("oauth2ClientCredentials"),
    ON_BEHALF_OF("onBehalfOf"),
    MANAGED_IDENTITY("managedIdentity");

    private final String configName;

    CredentialType(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<CredentialType> fromConfigName(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equalsIgnoreCase(name)).findFirst();
    }
}
