package dev.orderchainer.localcloud.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.localcloud.LocalCloud;
import dev.orderchainer.localcloud.LoopbackClient;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Calls operations by their operationId from one loopback address, checks every answer against the
 * description and notes which (operation, status) pairs were seen and what did not fit.
 */
public final class SpecApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApiDescription description;
    private final LoopbackClient client;
    private final Set<String> seen;
    private final List<String> problems;

    SpecApi(OpenApiDescription description, LocalCloud cloud, String sourceIp, Set<String> seen, List<String> problems) {
        this.description = description;
        this.client = new LoopbackClient(cloud.baseUrl().getPort(), sourceIp);
        this.seen = seen;
        this.problems = problems;
    }

    /** A JSON request (or none when {@code json} is null); the answer's JSON, or an empty object. */
    public JsonNode json(String operationId, String url, String token, String json) throws IOException {
        return call(operationId, url, token, json == null ? null : "application/json", json);
    }

    public JsonNode call(String operationId, String url, String token, String contentType, String body) throws IOException {
        return JSON.readTree(send(operationId, url, token, contentType, body).bodyOrEmptyObject());
    }

    public Answer send(String operationId, String url, String token, String contentType, String body) {
        OpenApiDescription.Operation operation = description.operation(operationId);
        LoopbackClient.Response response = client.send(operation.method(), url, token, contentType, body);
        seen.add(operationId + " " + response.status());
        problems.addAll(description.check(operation, url, response.status(), response.header("content-type"), response.body()));
        return new Answer(response.status(), response.body());
    }

    public record Answer(int status, String body) {
        String bodyOrEmptyObject() {
            return body.isEmpty() || !body.startsWith("{") ? "{}" : body;
        }
    }
}
