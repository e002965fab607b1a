package dev.mcpgateway.outbound;

import java.net.URI;
import java.util.Locale;

/** Where a connection goes: scheme, host and port of a backend URL (the key of a connection pool). */
public record Origin(boolean tls, String host, int port) {

    public static Origin of(URI uri) {
        boolean tls = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        return new Origin(tls, uri.getHost(), port);
    }

    /** The Host header value: the port only when it is not the scheme's default. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == (tls ? 443 : 80) ? h : h + ":" + port;
    }
}
