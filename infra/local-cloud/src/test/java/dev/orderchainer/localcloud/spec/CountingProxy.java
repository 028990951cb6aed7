package dev.orderchainer.localcloud.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of a local server that counts the bytes clients send through it: a function pointed at it
 * shows whether it used the network at all, pooled connections included.
 */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final URI target;
    private final AtomicLong sent = new AtomicLong();

    CountingProxy(URI target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "counting-proxy-" + target.getPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Bytes clients sent since the proxy started. */
    long bytesSent() {
        return sent.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getHost(), target.getPort());
                relay(client, server, true);
                relay(server, client, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to, boolean counted) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    if (counted) {
                        sent.addAndGet(read);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // One side closed: the other follows.
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
