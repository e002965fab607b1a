package dev.mcpgateway.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.EchoHttpServer;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The client's own rules, against real sockets: what goes on the wire, the cap, giving up, answers that are not HTTP. */
class OutboundClientTest {

    private static EchoHttpServer echo;
    private static OutboundClient client;

    @BeforeAll
    static void start() {
        echo = EchoHttpServer.start();
        client = new OutboundClient(new OutboundSettings(Duration.ofSeconds(2), Optional.empty(), "test", "test-outbound"));
    }

    @AfterAll
    static void stop() {
        client.close();
        echo.close();
    }

    private static CompletableFuture<OutboundAnswer> send(String method, int port, String target, byte[] body,
                                                          AnswerRules rules) {
        Origin origin = new Origin(false, "127.0.0.1", port);
        return client.send(new OutboundCall(method, origin, target, new DefaultHttpHeaders(), body), rules,
                client.loopFor(null));
    }

    private static CompletableFuture<OutboundAnswer> send(String method, String target, byte[] body, AnswerRules rules) {
        return send(method, echo.baseUri().getPort(), target, body, rules);
    }

    private static AnswerRules rules(int cap, AnswerRules.OverCap overCap) {
        return new AnswerRules(Duration.ofSeconds(5), cap, overCap, false);
    }

    @Nested
    class WhenTheRequestIsSent {

        @Test
        void methodRawTargetAndBodyGoAsGivenWithHostAndLength() throws Exception {
            byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            OutboundAnswer answer = send("PUT", "/items/a%2Fb?q=x%20y&r=1", body,
                    rules(1 << 20, AnswerRules.OverCap.FAIL)).get(5, TimeUnit.SECONDS);

            assertEquals(200, answer.status());
            EchoHttpServer.Received received = echo.last();
            assertEquals("PUT", received.method());
            assertEquals("/items/a%2Fb", received.rawPath());
            assertEquals("q=x%20y&r=1", received.rawQuery());
            assertArrayEquals(body, received.body());
            assertEquals(List.of("7"), received.header("content-length"));
            assertEquals(List.of("127.0.0.1:" + echo.baseUri().getPort()), received.header("host"));
        }

        @Test
        void aBodilessPostSaysItsLengthIsZeroAndAGetSaysNothing() throws Exception {
            send("POST", "/empty", null, rules(1 << 20, AnswerRules.OverCap.FAIL)).get(5, TimeUnit.SECONDS);
            assertEquals(List.of("0"), echo.last().header("content-length"));

            send("GET", "/empty", null, rules(1 << 20, AnswerRules.OverCap.FAIL)).get(5, TimeUnit.SECONDS);
            assertTrue(echo.last().header("content-length").isEmpty());
        }
    }

    @Nested
    class WhenTheAnswerIsLongerThanTheCap {

        private final byte[] big = "z".repeat(100_000).getBytes(StandardCharsets.UTF_8);

        @Test
        void truncateRulesKeepTheFirstBytesAndSaySo() throws Exception {
            echo.respond("/big", 200, Map.of("Content-Type", "text/plain"), big);
            OutboundAnswer answer = send("GET", "/big", null, rules(1000, AnswerRules.OverCap.TRUNCATE))
                    .get(5, TimeUnit.SECONDS);

            assertTrue(answer.truncated());
            assertArrayEquals(Arrays.copyOf(big, 1000), answer.body());
            // the cut connection is not reused: the next call still gets a whole answer
            OutboundAnswer next = send("GET", "/small", null, rules(1 << 20, AnswerRules.OverCap.TRUNCATE))
                    .get(5, TimeUnit.SECONDS);
            assertFalse(next.truncated());
            assertEquals(200, next.status());
        }

        @Test
        void failRulesFailTheExchangeAsTooLarge() {
            echo.respond("/big", 200, Map.of("Content-Type", "text/plain"), big);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> send("GET", "/big", null, rules(1000, AnswerRules.OverCap.FAIL)).get(5, TimeUnit.SECONDS));
            assertEquals("too_large", assertInstanceOf(OutboundFailure.class, e.getCause()).reason());
        }
    }

    @Nested
    class WhenTheBackendDoesNotAnswerHttp {

        @Test
        void cancellingTheCallClosesItsConnection() throws Exception {
            CountDownLatch requestRead = new CountDownLatch(1);
            CountDownLatch closedByClient = new CountDownLatch(1);
            try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                Thread.ofVirtual().start(() -> {
                    try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                        in.read(new byte[8192]);
                        requestRead.countDown();
                        while (in.read() >= 0) {
                            // never answer; wait for the client to hang up
                        }
                        closedByClient.countDown();
                    } catch (IOException e) {
                        closedByClient.countDown();
                    }
                });
                CompletableFuture<OutboundAnswer> call = send("GET", server.getLocalPort(), "/hang", null,
                        new AnswerRules(Duration.ofMinutes(1), 1000, AnswerRules.OverCap.TRUNCATE, false));
                assertTrue(requestRead.await(5, TimeUnit.SECONDS), "the request never arrived");

                assertTrue(call.cancel(false));
                assertTrue(closedByClient.await(5, TimeUnit.SECONDS), "the connection stayed open after cancel");
            }
        }

        @Test
        void bytesThatAreNotHttpFailTheExchange() throws Exception {
            try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                Thread.ofVirtual().start(() -> {
                    try (Socket socket = server.accept()) {
                        socket.getInputStream().read(new byte[8192]);
                        socket.getOutputStream().write("\u0000\u0001 not HTTP\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        socket.getOutputStream().flush();
                        Thread.sleep(2000);
                    } catch (IOException | InterruptedException e) {
                        // the client hung up
                    }
                });
                ExecutionException e = assertThrows(ExecutionException.class, () -> send("GET", server.getLocalPort(),
                        "/", null, rules(1000, AnswerRules.OverCap.FAIL)).get(5, TimeUnit.SECONDS));
                assertEquals("io", assertInstanceOf(OutboundFailure.class, e.getCause()).reason());
            }
        }
    }
}
