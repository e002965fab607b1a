package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.openapi.http.ServerBinding;
import dev.mcpgateway.openapi.http.ServerVariable;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server an operation is sent to: the admin's URL if given, else the operation's, the path item's or the
 * document's first server. A relative URL is resolved against the spec's http(s) location; from a file or a string
 * it stays relative and the gateway supplies the base URL.
 */
public final class ServerResolver {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final JsonNode documentServers;
    private final Optional<URI> location;
    private final String overrideUrl;
    private final Map<String, String> overrideVariables;

    public ServerResolver(JsonNode document, Optional<URI> location, String overrideUrl,
                          Map<String, String> overrideVariables) {
        this.documentServers = document.path("servers");
        this.location = location;
        this.overrideUrl = overrideUrl;
        this.overrideVariables = overrideVariables;
    }

    ServerBinding resolve(OperationRef op, List<String> warnings) {
        if (overrideUrl != null) {
            return bind(overrideUrl, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), warnings);
        }
        JsonNode servers = op.operation().path("servers");
        if (!servers.isArray() || servers.isEmpty()) {
            servers = op.pathItem().path("servers");
        }
        if (!servers.isArray() || servers.isEmpty()) {
            servers = documentServers;
        }
        if (!servers.isArray() || servers.isEmpty()) {
            return ServerBinding.of("/");
        }
        JsonNode server = servers.get(0);
        return bind(server.path("url").asText("/"), server.path("variables"), warnings);
    }

    private ServerBinding bind(String url, JsonNode declared, List<String> warnings) {
        Map<String, ServerVariable> variables = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(url);
        while (m.find()) {
            String name = m.group(1);
            JsonNode variable = declared.path(name);
            List<String> allowed = new ArrayList<>();
            variable.path("enum").forEach(v -> allowed.add(v.asText()));
            String value = overrideVariables.getOrDefault(name, variable.path("default").asText(""));
            if (!variable.isObject() && !overrideVariables.containsKey(name)) {
                warnings.add("server variable {" + name + "} is not declared; bind it in the backend target");
            }
            variables.put(name, new ServerVariable(value, allowed));
        }
        return new ServerBinding(absolute(url), variables);
    }

    private String absolute(String url) {
        if (url.matches("(?i)^[a-z][a-z0-9+.-]*://.*") || location.isEmpty()) {
            return url;
        }
        URI base = location.get();
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return url;
        }
        String origin = scheme + "://" + base.getRawAuthority();
        if (url.startsWith("/")) {
            return origin + url;
        }
        String basePath = base.getRawPath() == null ? "/" : base.getRawPath();
        return origin + basePath.substring(0, basePath.lastIndexOf('/') + 1) + (url.startsWith("./") ? url.substring(2) : url);
    }
}
