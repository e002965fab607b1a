package dev.mcpgateway.llm.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A caller that stops reading a stream stops the backend too: the proxy does not read the whole stream into memory
 * on the caller's behalf. The backend (a raw socket server) offers far more than any buffer on the way holds and
 * counts what it managed to write; once that count stops growing it must be well below the whole stream.
 */
class StreamBackPressureTest {

    private static final long OFFERED = 256L * 1024 * 1024;

    @Test
    void aCallerThatStopsReadingStopsTheBackendInsteadOfBeingBuffered() throws Exception {
        AtomicLong written = new AtomicLong();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ProxyFixture proxy = new ProxyFixture()
                     .backend(new Backend("raw", URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1"),
                             BackendType.OPENAI, null, null, null, null, null))
                     .route("raw", "gpt-4o")
                     .start()) {
            Thread.ofVirtual().start(() -> streamForever(server, written));

            HttpResponse<InputStream> response = ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions",
                            "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}").header("api-key", ProxyFixture.KEY),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertTrue(reader.readLine().startsWith("data: "), "the stream flows");
                // the caller reads nothing more: wait until the backend cannot write any further
                long last = -1;
                while (written.get() != last) {
                    last = written.get();
                    Thread.sleep(1000);
                }
                assertTrue(last < OFFERED / 4, "the backend wrote " + last + " of " + OFFERED
                        + " bytes to a caller that stopped reading");
            }
        }
    }

    /** One SSE answer of {@link #OFFERED} bytes in 16 KiB chunks, written as fast as the proxy reads it. */
    private static void streamForever(ServerSocket server, AtomicLong written) {
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
             OutputStream out = socket.getOutputStream()) {
            byte[] head = new byte[8192];
            in.read(head); // the request; its content does not matter here
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String event = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"x\"}}]}\n\n";
            byte[] chunk = event.repeat(16 * 1024 / event.length()).getBytes(StandardCharsets.UTF_8);
            byte[] framed = (Integer.toHexString(chunk.length) + "\r\n" + new String(chunk, StandardCharsets.UTF_8)
                    + "\r\n").getBytes(StandardCharsets.UTF_8);
            while (written.get() < OFFERED) {
                out.write(framed);
                written.addAndGet(chunk.length);
            }
        } catch (IOException ended) {
            // the proxy closed the connection when the test ended
        }
    }
}
