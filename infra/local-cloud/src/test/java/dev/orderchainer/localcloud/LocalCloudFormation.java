package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.ProjectFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudFormation's side of a custom resource: the function gets the request event (a sample from events/ with its
 * ResponseURL pointed here) and must PUT its answer to that URL, which is what {@link #invoke} returns.
 */
public final class LocalCloudFormation implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> answers = new ArrayList<>();
    private final HttpServer server;

    public LocalCloudFormation() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                assertEquals("PUT", exchange.getRequestMethod());
                JsonNode answer = JSON.readTree(exchange.getRequestBody().readAllBytes());
                synchronized (answers) {
                    answers.add(answer);
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    /** Where a function answers this CloudFormation. */
    public String responseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/answer";
    }

    /** The function's sample event (events/{function}.json), answering to this server. */
    public ObjectNode event(String function) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readAllBytes(ProjectFiles.root().resolve("events/" + function + ".json")));
            event.put("ResponseURL", responseUrl());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Invokes the function as CloudFormation does and returns the answer it PUT (checked to be for this request). */
    public JsonNode invoke(RequestStreamHandler handler, String function, ObjectNode event) {
        return invoke(event, bytes -> handler.handleRequest(new ByteArrayInputStream(bytes), new ByteArrayOutputStream(),
                new LocalLambdaContext(function, 1024, 60)));
    }

    /** A way of invoking the function with the event's bytes (a handler, a local cloud's function). */
    public interface Invoker {
        void invoke(byte[] event) throws Exception;
    }

    /** The same through any {@link Invoker}; what it throws fails the test. */
    public JsonNode invoke(ObjectNode event, Invoker function) {
        try {
            function.invoke(JSON.writeValueAsBytes(event));
        } catch (Exception e) {
            throw new AssertionError("the function failed instead of answering CloudFormation", e);
        }
        JsonNode answer;
        synchronized (answers) {
            assertEquals(1, answers.size(), "one answer per request");
            answer = answers.remove(0);
        }
        assertEquals(event.path("RequestId").asText(), answer.path("RequestId").asText());
        assertEquals(event.path("LogicalResourceId").asText(), answer.path("LogicalResourceId").asText());
        return answer;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
