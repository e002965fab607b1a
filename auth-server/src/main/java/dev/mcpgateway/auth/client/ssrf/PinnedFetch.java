package dev.mcpgateway.auth.client.ssrf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 GET to an address chosen beforehand. The JDK's HTTP clients resolve the host again when they
 * connect, which lets a rebinding DNS server answer the SSRF check with a public address and the connection with an
 * internal one; here the socket goes to exactly the address that was checked. The request still names the original
 * host: in {@code Host}, in TLS SNI, and in the certificate check ({@code HTTPS} endpoint identification against the
 * host name, not the IP). No redirects are followed here: any status is returned as is
 * ({@link GuardedGet} follows them, checking every hop).
 */
public final class PinnedFetch {

    /**
     * The status and body of an answer; {@code tooLarge} when the body passed the cap (the body is then empty);
     * {@code location} the {@code Location} header, if any, for a caller that follows redirects itself.
     */
    public record Answer(int status, byte[] body, boolean tooLarge, String location) {
    }

    private final SSLContext tls;
    private final Duration connectTimeout;
    private final Duration deadline;
    private final int maxBytes;

    public PinnedFetch(SSLContext tls, Duration connectTimeout, Duration deadline, int maxBytes) {
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.deadline = deadline;
        this.maxBytes = maxBytes;
    }

    /** The JVM's default TLS context: its trust store, its protocols. */
    public static SSLContext jvmTls() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    public Answer get(URI uri, InetAddress pinned, String accept) throws IOException {
        boolean https = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        long until = System.nanoTime() + deadline.toNanos();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(pinned, port), (int) connectTimeout.toMillis());
            Socket channel = https ? secure(socket, bareHost(uri), port) : socket;
            try (channel) {
                OutputStream out = channel.getOutputStream();
                out.write(request(uri, accept).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return HttpAnswerReader.read(new DeadlineInputStream(channel, until), maxBytes);
            }
        } finally {
            socket.close();
        }
    }

    private Socket secure(Socket socket, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        // the certificate must name the host the client id names, whatever address we reached it at
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout((int) connectTimeout.toMillis());
        ssl.startHandshake();
        return ssl;
    }

    private static String request(URI uri, String accept) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + uri.getRawAuthority() + "\r\n"
                + "Accept: " + accept + "\r\n"
                + "Accept-Encoding: identity\r\n"
                + "User-Agent: mcp-gateway\r\n"
                + "Connection: close\r\n\r\n";
    }

    public static String bareHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** Each read waits at most until the overall deadline, so a slow-drip server cannot hold the fetch open. */
    private static final class DeadlineInputStream extends InputStream {

        private final Socket socket;
        private final InputStream in;
        private final long until;

        DeadlineInputStream(Socket socket, long until) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.until = until;
        }

        @Override
        public int read() throws IOException {
            arm();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return in.read(b, off, len);
        }

        private void arm() throws IOException {
            long left = (until - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new java.net.SocketTimeoutException("the fetch took too long");
            }
            socket.setSoTimeout((int) Math.max(1, left));
        }
    }
}
