package dev.mcpgateway.llm.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Upstream calls go over pooled keep-alive connections; a pooled connection the backend has closed meanwhile is
 * replaced without failing the caller's call. The backend here is a raw socket server, so the test decides exactly
 * when a connection is closed.
 */
class UpstreamConnectionReuseTest {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String ANSWER = "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    @Test
    void consecutiveCallsShareOneKeepAliveConnection() throws Exception {
        try (RawBackend backend = new RawBackend(n -> false);
             ProxyFixture proxy = proxyTo(backend)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(200, call(proxy));
            }
            assertEquals(5, backend.requests.get());
            assertEquals(1, backend.connections.get());
        }
    }

    @Test
    void aPooledConnectionTheBackendClosedIsReplacedWithoutFailingTheCall() throws Exception {
        // the second request arrives on the pooled connection, which the backend closes without answering
        try (RawBackend backend = new RawBackend(n -> n == 2);
             ProxyFixture proxy = proxyTo(backend)) {
            assertEquals(200, call(proxy));
            assertEquals(200, call(proxy), "the call went through on a new connection");
            assertEquals(3, backend.requests.get());
            assertEquals(2, backend.connections.get());
        }
    }

    private static ProxyFixture proxyTo(RawBackend backend) {
        return new ProxyFixture()
                .backend(new Backend("raw", URI.create("http://127.0.0.1:" + backend.port() + "/v1"),
                        BackendType.OPENAI, null, null, null, null, null))
                .route("raw", "gpt-4o")
                .start();
    }

    private static int call(ProxyFixture proxy) throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions", CHAT)
                .header("api-key", ProxyFixture.KEY)).statusCode();
    }

    /** Answers HTTP/1.1 requests with keep-alive; request number n (1-based) is dropped when {@code drop} says so. */
    private static final class RawBackend implements AutoCloseable {

        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        private final ServerSocket server;
        private final IntPredicate drop;

        RawBackend(IntPredicate drop) throws IOException {
            this.drop = drop;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                while (readRequest(in)) {
                    if (drop.test(requests.incrementAndGet())) {
                        return;
                    }
                    byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException ended) {
                // the proxy closed the connection
            }
        }

        /** Reads one request (head and Content-Length body); false at the end of the connection. */
        private static boolean readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] h = head.toByteArray();
                int n = h.length;
                if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                    int length = 0;
                    for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.readNBytes(length);
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
