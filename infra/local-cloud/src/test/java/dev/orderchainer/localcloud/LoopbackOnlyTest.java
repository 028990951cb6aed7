package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderchainer.local.ProjectFiles;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every server of the local cloud listens on 127.0.0.1 only. A server bound to all interfaces also
 * answers on 127.0.0.2 (Linux routes all of 127/8 to loopback); one bound to 127.0.0.1 refuses it.
 */
class LoopbackOnlyTest {
    @Test
    void theApiDynamoDbSqsSecretsManagerAndTheDiscordSinkAreReachableOnlyOn127001() throws Exception {
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()))) {
            for (URI endpoint : List.of(cloud.baseUrl(), cloud.services().dynamoDbServer().endpoint(),
                    cloud.services().sqsServer().endpoint(), cloud.services().secrets().endpoint(), cloud.discordSink().apiBase())) {
                connect("127.0.0.1", endpoint.getPort());
                assertThrows(ConnectException.class, () -> connect("127.0.0.2", endpoint.getPort()), endpoint + " on 127.0.0.2");
            }
        }
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        }
    }
}
