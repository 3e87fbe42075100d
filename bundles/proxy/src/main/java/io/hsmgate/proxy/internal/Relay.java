package io.hsmgate.proxy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies bytes between a client and a backend socket in both directions until both are done. Half-close aware:
 * when one side finishes sending, the other side's output is shut down and the opposite direction goes on, so a
 * client that sends a request and then shuts its output still gets the whole response. A direction with no
 * byte in either direction for the idle timeout ends the whole relay; a direction that waits while the other
 * one moves data is not idle.
 */
final class Relay {

    private static final int BUFFER = 16 * 1024;

    private final Socket client;
    private final Socket backend;
    private final AtomicInteger open = new AtomicInteger(2);
    private final long idleNanos;
    private volatile long lastActivity = System.nanoTime();

    /** Sets both sockets' SO_TIMEOUT to {@code idleMillis} (at least 1), which is how idleness is noticed. */
    Relay(Socket client, Socket backend, int idleMillis) throws IOException {
        this.client = client;
        this.backend = backend;
        int timeout = Math.max(1, idleMillis);
        this.idleNanos = timeout * 1_000_000L;
        client.setSoTimeout(timeout);
        backend.setSoTimeout(timeout);
    }

    /**
     * Runs client→backend on {@code executor} and backend→client on the calling thread; returns when both
     * directions are done and both sockets closed.
     */
    void run(ExecutorService executor) {
        try {
            executor.execute(() -> pump(client, backend));
        } catch (RejectedExecutionException e) {
            closeBoth();
            return;
        }
        pump(backend, client);
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        boolean clean = false;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    if (System.nanoTime() - lastActivity < idleNanos) {
                        continue; // the other direction is busy: the connection is not idle
                    }
                    closeBoth();
                    return;
                }
                if (n < 0) {
                    break;
                }
                lastActivity = System.nanoTime();
                out.write(buffer, 0, n);
                out.flush();
            }
            clean = true;
        } catch (IOException e) {
            closeBoth(); // reset or closed by the other direction
        } finally {
            if (clean) {
                shutdownOutput(to);
            }
            if (open.decrementAndGet() == 0) {
                closeBoth();
            }
        }
    }

    /** The peer learns there is no more data; a TLS socket sends close_notify. */
    private void shutdownOutput(Socket socket) {
        try {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                socket.shutdownOutput();
            }
        } catch (IOException | UnsupportedOperationException e) {
            closeBoth();
        }
    }

    private void closeBoth() {
        closeQuietly(client);
        closeQuietly(backend);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is left to do; there is no one to tell
        }
    }
}
