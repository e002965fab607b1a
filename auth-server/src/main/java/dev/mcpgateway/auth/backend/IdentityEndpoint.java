package dev.mcpgateway.auth.backend;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The local Azure endpoint that hands out managed identity tokens, and how to ask it. App Service, Functions and
 * Container Apps name theirs in {@code IDENTITY_ENDPOINT} and guard it with the {@code IDENTITY_HEADER} secret;
 * virtual machines (and AKS nodes) have the Instance Metadata Service at a fixed link-local address.
 *
 * @param uri         the token endpoint, without query
 * @param apiVersion  the {@code api-version} the endpoint speaks
 * @param headerName  the header proving the request is local ({@code X-IDENTITY-HEADER} or {@code Metadata})
 * @param headerValue its value: the platform's secret, or {@code true} for IMDS
 */
public record IdentityEndpoint(URI uri, String apiVersion, String headerName, Secret headerValue) {

    /** Where the Instance Metadata Service answers on every Azure VM. */
    public static final URI IMDS = URI.create("http://169.254.169.254/metadata/identity/oauth2/token");

    public IdentityEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(headerName, "headerName");
        Objects.requireNonNull(headerValue, "headerValue");
    }

    /** The App Service / Container Apps endpoint ({@code api-version=2019-08-01}). */
    public static IdentityEndpoint appService(URI uri, Secret identityHeader) {
        return new IdentityEndpoint(uri, "2019-08-01", "X-IDENTITY-HEADER", identityHeader);
    }

    /** The Instance Metadata Service ({@code api-version=2018-02-01}) at {@code uri}, normally {@link #IMDS}. */
    public static IdentityEndpoint instanceMetadata(URI uri) {
        return new IdentityEndpoint(uri, "2018-02-01", "Metadata", Secret.of("true"));
    }

    /** The platform's endpoint when {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER} are set, else IMDS. */
    public static IdentityEndpoint fromEnvironment(Function<String, String> environment) {
        Optional<String> endpoint = Optional.ofNullable(environment.apply("IDENTITY_ENDPOINT")).filter(v -> !v.isBlank());
        Optional<String> header = Optional.ofNullable(environment.apply("IDENTITY_HEADER")).filter(v -> !v.isBlank());
        if (endpoint.isPresent() && header.isPresent()) {
            return appService(URI.create(endpoint.get().strip()), Secret.of(header.get().strip()));
        }
        return instanceMetadata(IMDS);
    }

    /** The token request for {@code resource}, as the identity {@code clientId} (user-assigned) or the system one. */
    URI tokenRequest(String resource, Optional<String> clientId) {
        StringBuilder query = new StringBuilder("api-version=").append(apiVersion)
                .append("&resource=").append(encode(resource));
        clientId.ifPresent(id -> query.append("&client_id=").append(encode(id)));
        return URI.create(uri + "?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
