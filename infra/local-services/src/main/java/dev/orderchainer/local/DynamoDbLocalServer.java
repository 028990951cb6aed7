package dev.orderchainer.local;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB Local in server mode on loopback: the real wire protocol, in this JVM. */
public final class DynamoDbLocalServer implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Starts an in-memory instance on a free port. */
    public static DynamoDbLocalServer startInMemory() {
        return start(0, null);
    }

    /**
     * @param port    0 for any free port
     * @param dataDir where the database file lives, or null for in-memory
     */
    public static DynamoDbLocalServer start(int port, Path dataDir) {
        SqliteNativeLibrary.ensureConfigured();
        int actualPort = port == 0 ? FreePort.pick() : port;
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(actualPort), "-sharedDb", "-disableTelemetry"));
        try {
            if (dataDir == null) {
                args.add("-inMemory");
            } else {
                Files.createDirectories(dataDir);
                args.add("-dbPath");
                args.add(dataDir.toAbsolutePath().toString());
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            listenOnLoopbackOnly(server);
            server.start();
            return new DynamoDbLocalServer(server, URI.create("http://127.0.0.1:" + actualPort));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + actualPort + ": " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local has no option for the interface and listens on all of them; its Jetty connector
     * is told to use loopback before it starts, so the database is never reachable from the network.
     */
    private static void listenOnLoopbackOnly(DynamoDBProxyServer server) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(server);
        for (Connector connector : jetty.getConnectors()) {
            ((ServerConnector) connector).setHost("127.0.0.1");
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }
}
