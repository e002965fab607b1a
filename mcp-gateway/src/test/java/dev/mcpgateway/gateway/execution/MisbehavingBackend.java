package dev.mcpgateway.gateway.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A raw TCP backend on loopback that misbehaves below HTTP: it either never answers (HANG) or answers with bytes
 * that are not HTTP (GARBAGE). Real sockets, so the gateway's client meets exactly what a broken server does.
 */
final class MisbehavingBackend implements AutoCloseable {

    enum Mode { HANG, GARBAGE }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);

    MisbehavingBackend(Mode mode) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(() -> {
            while (!socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException e) {
                    return;
                }
                threads.submit(() -> serve(client, mode));
            }
        });
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private void serve(Socket client, Mode mode) {
        try (client) {
            InputStream in = client.getInputStream();
            in.read(new byte[8192]);
            if (mode == Mode.GARBAGE) {
                OutputStream out = client.getOutputStream();
                out.write("\u0000\u0001 this is not HTTP at all \r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } else {
                closed.await();
            }
        } catch (IOException | InterruptedException e) {
            // the test is over or the gateway gave up: both are expected
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        threads.shutdownNow();
    }
}
