package dev.mcpgateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (the binary shipped in the embedded-redis jar) on a free loopback port,
 * for tests that must prove behaviour across gateway instances sharing Redis.
 */
public final class RedisServerFixture implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private RedisServerFixture(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a fresh server with persistence off, so tests never share state through a dump file. */
    public static RedisServerFixture start() {
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return new RedisServerFixture(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    /** The Lettuce-style URI, e.g. {@code redis://127.0.0.1:6390}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Empties every database (FLUSHALL), so that the next test starts from nothing; needs no client library. */
    public void flushAll() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("FLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII);
            if (!reply.equals("+OK\r\n")) {
                throw new IllegalStateException("redis-server refused FLUSHALL: " + reply.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not flush redis-server", e);
        }
    }

    /** Stops the server (clients see it go away) until {@link #restart()}. */
    public void stop() {
        close();
    }

    /** Starts the server again on the same port, empty. */
    public void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart redis-server", e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop redis-server", e);
        }
    }

    /** A port free on loopback right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
