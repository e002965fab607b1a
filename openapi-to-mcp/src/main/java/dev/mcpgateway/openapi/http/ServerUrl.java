package dev.mcpgateway.openapi.http;

import java.net.URI;
import java.util.regex.Matcher;

/** Resolves the base URL of a call: the target's override, else the server template with its variables bound. */
final class ServerUrl {

    private ServerUrl() {
    }

    /** @return an absolute http(s) URL without trailing slash */
    static String resolve(ServerBinding server, BackendTarget target) {
        String url;
        if (target.baseUrl().isPresent()) {
            url = target.baseUrl().get().toString();
        } else {
            Matcher matcher = PathTemplate.PLACEHOLDER.matcher(server.urlTemplate());
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                ServerVariable variable = server.variables().get(name);
                String value = target.serverVariables().getOrDefault(name, variable.defaultValue());
                if (!variable.allowed().isEmpty() && !variable.allowed().contains(value)) {
                    throw new IllegalArgumentException("server variable " + name + " must be one of "
                            + variable.allowed());
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            url = out.toString();
        }
        URI uri = URI.create(url);
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalStateException("server URL '" + url + "' is not an absolute http(s) URL;"
                    + " bind a base URL for this API");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
