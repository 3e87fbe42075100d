package io.hsmgate.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay over real loopback sockets. */
class RelayTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void aClientThatShutsItsOutputStillGetsTheWholeAnswer() throws Exception {
        byte[] request = "hello backend".getBytes();
        byte[] answer = new byte[300_000];
        for (int i = 0; i < answer.length; i++) {
            answer[i] = (byte) i;
        }
        try (ServerSocket backendServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket proxyServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // the backend reads to end of stream (the client's half-close), then answers and closes
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = backendServer.accept()) {
                    byte[] all = s.getInputStream().readAllBytes();
                    s.getOutputStream().write(answer);
                    return all;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, executor);
            CompletableFuture<Void> relay = CompletableFuture.runAsync(() -> {
                try {
                    Socket client = proxyServer.accept();
                    Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendServer.getLocalPort());
                    new Relay(client, backend, 10_000).run(executor);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, executor);
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxyServer.getLocalPort())) {
                client.getOutputStream().write(request);
                client.shutdownOutput();
                assertArrayEquals(answer, readAll(client.getInputStream()));
            }
            assertArrayEquals(request, received.get(10, TimeUnit.SECONDS));
            relay.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anIdleConnectionIsClosedButABusyOneInOneDirectionIsNot() throws Exception {
        try (ServerSocket backendServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket proxyServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // the backend streams slowly for 4 idle periods (one direction busy), then falls silent
            executor.execute(() -> {
                try (Socket s = backendServer.accept()) {
                    for (int i = 0; i < 8; i++) {
                        s.getOutputStream().write(i);
                        s.getOutputStream().flush();
                        TimeUnit.MILLISECONDS.sleep(100); // the pace of the stream under test, not a wait
                    }
                    s.getInputStream().read(); // silent until the relay closes
                } catch (Exception e) {
                    // closed by the relay
                }
            });
            CompletableFuture<Void> relay = CompletableFuture.runAsync(() -> {
                try {
                    Socket client = proxyServer.accept();
                    Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendServer.getLocalPort());
                    new Relay(client, backend, 250).run(executor);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, executor);
            long start = System.nanoTime();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxyServer.getLocalPort())) {
                byte[] got = readAll(client.getInputStream());
                assertEquals(8, got.length, "every byte of the slow stream arrived");
            }
            relay.get(10, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 800 && millis < 5000, "closed after the stream went idle, took " + millis + " ms");
        }
    }

    private static byte[] readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
