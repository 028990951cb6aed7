package dev.orderchainer.localcloud.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.localcloud.LocalCloud;
import dev.orderchainer.localcloud.LocalCloudFormation;
import dev.orderchainer.localcloud.LocalFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample in events/ (the ones `sam local invoke -e` takes) invoked on its own function in the local
 * cloud: an API event gets an answer its operation documents (never a 5xx); a stream or queue event is
 * handled with no record reported as failed.
 */
class SampleEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = ProjectFiles.root().resolve("events");
    private static final OpenApiDescription DESCRIPTION = OpenApiDescription.load();
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void everyFunctionHasOneSampleNamedAfterIt() throws IOException {
        assertEquals(new TreeSet<>(cloud.functions().keySet()), new TreeSet<>(samples().map(n -> n.replace(".json", "")).toList()));
    }

    /**
     * A CloudFormation custom resource event, answering to a local CloudFormation, with the resource it may act on
     * pointed at the local stack's (the sample's names are AWS's): what the function PUT there.
     */
    private static JsonNode customResourceAnswer(LocalFunction function, ObjectNode event) {
        ObjectNode properties = (ObjectNode) event.path("ResourceProperties");
        var resources = cloud.services().stack().resources();
        switch (event.path("ResourceType").asText()) {
            case "Custom::SigningKeys" -> properties.put("SecretId", resources.ref(LocalServices.SIGNING_KEYS_SECRET));
            case "Custom::AppUrl" -> properties.put("TableName", resources.ref("AppTable"));
            default -> throw new AssertionError("a sample of an unknown custom resource: " + event.path("ResourceType"));
        }
        try (LocalCloudFormation cloudFormation = new LocalCloudFormation()) {
            event.put("ResponseURL", cloudFormation.responseUrl());
            return cloudFormation.invoke(event, function::invoke);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theSampleGetsADocumentedAnswerFromItsFunction(String sample) throws Exception {
        LocalFunction function = cloud.functions().get(sample.replace(".json", ""));
        assertNotNull(function, sample + " names no function of template.yaml");
        byte[] event = Files.readAllBytes(EVENTS.resolve(sample));
        JsonNode parsed = JSON.readTree(event);
        if (parsed.has("ResponseURL")) {
            assertEquals("SUCCESS", customResourceAnswer(function, (ObjectNode) parsed).path("Status").asText(), sample);
            return;
        }
        byte[] output = function.invoke(event);
        if (parsed.has("routeKey")) {
            String[] route = parsed.path("routeKey").asText().split(" ", 2);
            OpenApiDescription.Operation operation = DESCRIPTION.operations().values().stream()
                    .filter(o -> o.method().equals(route[0]) && o.path().equals(route[1])).findFirst()
                    .orElseThrow(() -> new AssertionError(sample + ": no operation " + parsed.path("routeKey").asText()));
            HttpInvocation.Response answer = HttpInvocation.fromLambdaOutput(output);
            assertTrue(answer.status() < 500, sample + " answered " + answer.status() + " " + answer.bodyText());
            List<String> problems = DESCRIPTION.check(operation, parsed.path("rawPath").asText(), answer.status(),
                    answer.header("content-type"), answer.bodyText());
            assertEquals(List.of(), problems, sample);
        } else {
            JsonNode batch = JSON.readTree(output);
            assertTrue(batch.path("batchItemFailures").isArray(), sample + " answered " + batch);
            assertEquals(0, batch.path("batchItemFailures").size(), sample + " reported failed records: " + batch);
        }
    }
}
