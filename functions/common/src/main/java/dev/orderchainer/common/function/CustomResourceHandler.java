package dev.orderchainer.common.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.aws.SnapStartPriming;
import dev.orderchainer.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The entry point every CloudFormation custom resource extends: structured logging, the request read from
 * CloudFormation's event, and always an answer to its ResponseURL (SUCCESS with the resource's attributes, or
 * FAILED with the reason), so a stack never waits an hour for a function that threw.
 */
public abstract class CustomResourceHandler<C extends FunctionComponents> implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CustomResourceHandler.class);
    /** CloudFormation refuses a response over 4,096 bytes. */
    static final int MAX_RESPONSE_BYTES = 4096;
    protected final C components;
    private final SnapStartPriming priming;

    protected CustomResourceHandler(C components) {
        this.components = components;
        this.priming = SnapStartPriming.register(components::prime);
    }

    /** What CloudFormation asks: Create, Update or Delete, with the resource's properties (old ones on Update). */
    public record Request(String type, String logicalId, String physicalId, Map<String, String> properties,
                          Map<String, String> oldProperties) {}

    /** The resource's physical id and its attributes (what !GetAtt reads). */
    public record Result(String physicalId, Map<String, String> attributes) {}

    /** The resource SnapStart calls before the snapshot (tests call it directly). */
    public final SnapStartPriming snapStartPriming() {
        return priming;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        PowertoolsLogging.withLogging(context, () -> {
            respond(event, context);
            return null;
        });
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    /** The work; an exception becomes a FAILED answer naming it. */
    protected abstract Result handle(Request request) throws Exception;

    private void respond(JsonNode event, Context context) {
        Request request = new Request(event.path("RequestType").asText(), event.path("LogicalResourceId").asText(),
                event.path("PhysicalResourceId").asText(null), strings(event.path("ResourceProperties")),
                strings(event.path("OldResourceProperties")));
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("StackId", event.path("StackId").asText()).put("RequestId", event.path("RequestId").asText())
                .put("LogicalResourceId", request.logicalId());
        try {
            Result result = handle(request);
            answer.put("Status", "SUCCESS").put("PhysicalResourceId", result.physicalId());
            ObjectNode data = answer.putObject("Data");
            result.attributes().forEach(data::put);
            LOG.info("{} {} done: {}", request.type(), request.logicalId(), result.physicalId());
        } catch (Exception e) {
            LOG.error("{} {} failed", request.type(), request.logicalId(), e);
            // A failed Create has no resource yet; CloudFormation still needs an id to answer for.
            String physicalId = request.physicalId() != null ? request.physicalId() : context.getLogStreamName();
            answer.put("Status", "FAILED").put("PhysicalResourceId", physicalId)
                    .put("Reason", String.valueOf(e.getMessage()) + " (log stream " + context.getLogStreamName() + ")");
        }
        put(event.path("ResponseURL").asText(), answer);
    }

    private static Map<String, String> strings(JsonNode properties) {
        Map<String, String> values = new LinkedHashMap<>();
        properties.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().isTextual()
                ? field.getValue().asText() : field.getValue().toString()));
        return values;
    }

    /** The pre-signed S3 URL takes a PUT with no content type (the signature covers it). */
    private static void put(String url, ObjectNode answer) {
        byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_RESPONSE_BYTES) {
            answer.remove("Data");
            answer.put("Status", "FAILED").put("Reason", "the resource's attributes exceed CloudFormation's 4,096 bytes");
            body = answer.toString().getBytes(StandardCharsets.UTF_8);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(body.length);
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(10000);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            if (status / 100 != 2) {
                throw new IOException("CloudFormation's response URL answered " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot answer CloudFormation: " + e.getMessage(), e);
        }
    }
}
