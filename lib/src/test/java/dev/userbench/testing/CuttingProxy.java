package dev.userbench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 between a driver and a test server that cuts the connection for real: once the
 * client has sent {@code pattern} (e.g. the first {@code INSERT INTO user_}) and then {@code bytesAfter}
 * more bytes, it closes both sockets of that connection, as a dropped network or a killed server would. By
 * default every connection that sends anything afterwards is cut too; {@link #onlyThatConnection} cuts the one
 * connection that sent the pattern and leaves the others alone.
 */
public final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final byte[] pattern;
    private final long bytesAfter;
    private final AtomicBoolean seen = new AtomicBoolean();
    private final AtomicLong sinceSeen = new AtomicLong();
    private final AtomicBoolean cut = new AtomicBoolean();
    private final boolean perConnection;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private boolean stall;

    /**
     * A proxy that, once the client has sent {@code pattern}, forwards nothing more and closes nothing: the server
     * never hears the statement and the client waits for its answer for ever, as behind a hung server.
     */
    public static CuttingProxy stalling(String targetHost, int targetPort, String pattern) throws IOException {
        CuttingProxy proxy = new CuttingProxy(targetHost, targetPort, pattern, 0);
        proxy.stall = true;
        return proxy;
    }

    public CuttingProxy(String targetHost, int targetPort, String pattern, long bytesAfter) throws IOException {
        this(targetHost, targetPort, pattern, bytesAfter, false);
    }

    /** A proxy that cuts only the connection that sent {@code pattern}, at once. */
    public static CuttingProxy onlyThatConnection(String targetHost, int targetPort, String pattern) throws IOException {
        return new CuttingProxy(targetHost, targetPort, pattern, 0, true);
    }

    private CuttingProxy(String targetHost, int targetPort, String pattern, long bytesAfter, boolean perConnection)
            throws IOException {
        this.perConnection = perConnection;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.pattern = pattern.getBytes(StandardCharsets.US_ASCII);
        this.bytesAfter = bytesAfter;
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Whether the proxy has cut (or stalled) a connection. */
    public boolean hasCut() {
        return cut.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean connectionSeen = perConnection ? new AtomicBoolean() : seen;
                AtomicLong connectionSince = perConnection ? new AtomicLong() : sinceSeen;
                pump(client, server, true, connectionSeen, connectionSince);
                pump(server, client, false, connectionSeen, connectionSince);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean watched, AtomicBoolean seen, AtomicLong sinceSeen) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            byte[] tail = new byte[0];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (watched) {
                        tail = watch(tail, buffer, n, seen);
                        if (seen.get() && stall) {
                            cut.set(true);
                            continue;
                        }
                        if (seen.get() && sinceSeen.addAndGet(n) >= bytesAfter) {
                            cut.set(true);
                            closeQuietly(from);
                            closeQuietly(to);
                            return;
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: so does the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Looks for the pattern in what was sent, across chunk boundaries; returns the tail to keep. */
    private byte[] watch(byte[] tail, byte[] buffer, int n, AtomicBoolean seen) {
        if (seen.get()) {
            return tail;
        }
        byte[] window = new byte[tail.length + n];
        System.arraycopy(tail, 0, window, 0, tail.length);
        System.arraycopy(buffer, 0, window, tail.length, n);
        for (int i = 0; i + pattern.length <= window.length; i++) {
            int j = 0;
            while (j < pattern.length && window[i + j] == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                seen.set(true);
                return tail;
            }
        }
        int keep = Math.min(window.length, pattern.length - 1);
        byte[] next = new byte[keep];
        System.arraycopy(window, window.length - keep, next, 0, keep);
        return next;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(CuttingProxy::closeQuietly);
    }
}
