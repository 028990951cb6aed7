package dev.orderchainer.local;

/**
 * The JDK HTTP server reads its TCP_NODELAY setting once, when the first server is created;
 * without it small responses wait for delayed ACKs (about 40 ms each). Every local server calls
 * this before creating one.
 */
public final class LoopbackHttpServers {
    private LoopbackHttpServers() {}

    public static void noDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
}
