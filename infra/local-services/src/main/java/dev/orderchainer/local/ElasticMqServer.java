package dev.orderchainer.local;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ's SQS-compatible REST server on loopback, in this JVM. */
public final class ElasticMqServer implements AutoCloseable {
    public static final String REGION = LocalAws.REGION;
    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMqServer(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** @param port 0 for any free port */
    public static ElasticMqServer start(int port) {
        int actualPort = port == 0 ? FreePort.pick() : port;
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(actualPort)
                // Queue URLs must point at the address we really listen on.
                .withServerAddress(new NodeAddress("http", "127.0.0.1", actualPort, ""))
                .withAWSRegion(REGION)
                .withAWSAccountId(LocalAws.ACCOUNT_ID)
                .start();
        server.waitUntilStarted();
        return new ElasticMqServer(server, URI.create("http://127.0.0.1:" + actualPort));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
