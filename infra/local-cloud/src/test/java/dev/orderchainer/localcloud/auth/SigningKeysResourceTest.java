package dev.orderchainer.localcloud.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.orderchainer.auth.SigningKeysResourceHandler;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.security.SigningKeys;
import dev.orderchainer.security.VerificationKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stack's Custom::SigningKeys resource, its function invoked as CloudFormation invokes it (its event, the answer
 * PUT to the ResponseURL) against the local Secrets Manager: create, a rotation, one too soon, a rollback, delete.
 */
class SigningKeysResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalServices LOCAL = LocalServices.shared();
    private static final List<JsonNode> ANSWERS = new ArrayList<>();
    private static HttpServer cloudFormation;

    @BeforeAll
    static void start() throws IOException {
        cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        cloudFormation.createContext("/", exchange -> {
            try (exchange) {
                assertEquals("PUT", exchange.getRequestMethod());
                synchronized (ANSWERS) {
                    ANSWERS.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        cloudFormation.start();
    }

    @AfterAll
    static void stop() {
        cloudFormation.stop(0);
    }

    private static JsonNode invoke(String type, String secretId, String generation, String oldGeneration, String minutes)
            throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readAllBytes(ProjectFiles.root().resolve("events/SigningKeysFunction.json")));
        event.put("RequestType", type);
        event.put("ResponseURL", "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/answer");
        ((ObjectNode) event.path("ResourceProperties")).put("SecretId", secretId).put("Generation", generation)
                .put("MinRotationMinutes", minutes);
        if (oldGeneration != null) {
            event.put("PhysicalResourceId", secretId);
            ObjectNode old = event.putObject("OldResourceProperties");
            old.setAll((ObjectNode) event.path("ResourceProperties").deepCopy());
            old.put("Generation", oldGeneration);
        }
        Map<String, String> environment = new LinkedHashMap<>(LOCAL.environmentOf("SigningKeysFunction"));
        environment.put("SIGNING_KEYS_SECRET", secretId);
        SigningKeysResourceHandler handler = new SigningKeysResourceHandler(environment);
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), new ByteArrayOutputStream(),
                new LocalLambdaContext("SigningKeysFunction", 1024, 60));
        synchronized (ANSWERS) {
            JsonNode answer = ANSWERS.remove(ANSWERS.size() - 1);
            assertEquals(event.path("RequestId").asText(), answer.path("RequestId").asText());
            assertEquals("SigningKeys", answer.path("LogicalResourceId").asText());
            return answer;
        }
    }

    private static SigningKeys stored(String secretId) {
        return SigningKeys.parse(LOCAL.secrets().value(secretId), secretId);
    }

    @Test
    void aSecretOtherThanItsOwnIsNeverWritten() throws IOException {
        String mine = LOCAL.secrets().put("test/keys-" + UUID.randomUUID(), "{}");
        String other = LOCAL.secrets().put("test/other-" + UUID.randomUUID(), "{\"keep\":\"me\"}");
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readAllBytes(ProjectFiles.root().resolve("events/SigningKeysFunction.json")));
        event.put("ResponseURL", "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/answer");
        ((ObjectNode) event.path("ResourceProperties")).put("SecretId", other);
        Map<String, String> environment = new LinkedHashMap<>(LOCAL.environmentOf("SigningKeysFunction"));
        environment.put("SIGNING_KEYS_SECRET", mine);
        new SigningKeysResourceHandler(environment).handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)),
                new ByteArrayOutputStream(), new LocalLambdaContext("SigningKeysFunction", 1024, 60));
        JsonNode answer;
        synchronized (ANSWERS) {
            answer = ANSWERS.remove(ANSWERS.size() - 1);
        }
        assertEquals("FAILED", answer.path("Status").asText(), answer.toString());
        assertTrue(answer.path("Reason").asText().contains("SIGNING_KEYS_SECRET"), answer.toString());
        assertEquals("{\"keep\":\"me\"}", LOCAL.secrets().value(other));
    }

    @Test
    void createMakesTheKeysAndAnswersTheirPublicHalves() throws IOException {
        String secret = LOCAL.secrets().put("test/keys-" + UUID.randomUUID(), "{\"placeholder\":\"generated by CloudFormation\"}");
        JsonNode created = invoke("Create", secret, "1", null, "36");
        assertEquals("SUCCESS", created.path("Status").asText(), created.toString());
        assertEquals(secret, created.path("PhysicalResourceId").asText());
        SigningKeys keys = stored(secret);
        assertEquals(keys.verificationKeys().jwks(), created.path("Data").path("PublicJwks").asText());
        assertEquals(keys.current().kid(), created.path("Data").path("SigningKid").asText());
        assertFalse(created.toString().contains("\"d\""), "no private part leaves the secret");
        assertEquals(2, VerificationKeys.parse(created.path("Data").path("PublicJwks").asText(), "answer").kids().size());
        JsonNode again = invoke("Create", secret, "1", null, "36");
        assertEquals(created.path("Data"), again.path("Data"), "a repeated create keeps the keys");
    }

    @Test
    void aHigherGenerationRotatesNoSoonerThanAllowedAndARollbackKeepsTheKeys() throws IOException {
        String secret = LOCAL.secrets().put("test/keys-" + UUID.randomUUID(), "{}");
        invoke("Create", secret, "1", null, "36");
        SigningKeys first = stored(secret);
        JsonNode tooSoon = invoke("Update", secret, "2", "1", "36");
        assertEquals("FAILED", tooSoon.path("Status").asText(), tooSoon.toString());
        assertTrue(tooSoon.path("Reason").asText().contains("rotate again at or after"), tooSoon.toString());
        assertEquals(first.toJson(), stored(secret).toJson(), "a refused rotation changes nothing");

        JsonNode rotated = invoke("Update", secret, "2", "1", "0");
        assertEquals("SUCCESS", rotated.path("Status").asText(), rotated.toString());
        SigningKeys second = stored(secret);
        assertNotEquals(first.current().kid(), second.current().kid());
        assertTrue(first.verificationKeys().kids().contains(second.current().kid()), "the new signing key was published before");
        VerificationKeys published = VerificationKeys.parse(rotated.path("Data").path("PublicJwks").asText(), "answer");
        assertEquals(3, published.kids().size());
        assertTrue(published.kids().contains(first.current().kid()), "the previous key still verifies");

        JsonNode rollback = invoke("Update", secret, "1", "2", "0");
        assertEquals("SUCCESS", rollback.path("Status").asText());
        assertEquals(second.toJson(), stored(secret).toJson(), "rolling back to a lower generation does not rotate");
        JsonNode otherChange = invoke("Update", secret, "2", "2", "0");
        assertEquals(rotated.path("Data"), otherChange.path("Data"), "an update that keeps the generation keeps the keys");
        JsonNode deleted = invoke("Delete", secret, "2", null, "0");
        assertEquals("SUCCESS", deleted.path("Status").asText());
        assertEquals(second.toJson(), stored(secret).toJson(), "the secret goes with its own resource");
    }

    /** The local cloud stands in for CloudFormation running this resource: what it made is what the handler keeps and answers. */
    @Test
    void theLocalStacksKeysAreWhatTheResourceAnswersForThem() throws IOException {
        String secret = LOCAL.stack().resources().ref(LocalServices.SIGNING_KEYS_SECRET);
        String before = LOCAL.secrets().value(secret);
        JsonNode answer = invoke("Create", secret, "1", null, "36");
        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
        assertEquals(before, LOCAL.secrets().value(secret), "keys already there are kept");
        for (String function : List.of("GetOrderFunction", "TokenFunction", "JwksFunction")) {
            assertEquals(JSON.readTree(answer.path("Data").path("PublicJwks").asText()),
                    JSON.readTree(LOCAL.environmentOf(function).get(VerificationKeys.ENVIRONMENT)), function);
        }
    }
}
