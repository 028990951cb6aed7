package dev.orderchainer.localcloud.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.aws.SnapStartPriming;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.SamTemplate;
import dev.orderchainer.localcloud.LocalFunction;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function template.yaml declares (HTTP, stream, queue and custom resource alike) primes before a SnapStart
 * snapshot, through its handler base, with its environment: the priming works, runs the SDK's read calls its requests
 * make (never a write) and sends nothing over the network: every AWS endpoint of the function is behind a relay that
 * counts what goes through it, and priming sends not one byte.
 */
class SnapStartPrimingTest {
    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "DescribeTable");
    /** Publish to SQS only, read no table or answer CloudFormation: their priming reads nothing. */
    private static final Set<String> WITHOUT_TABLE_READS = Set.of("OrderEventsPublisherFunction", "JwksFunction", "SigningKeysFunction");
    /** The functions that sign access tokens; every other one verifies with the public keys of its configuration. */
    private static final Set<String> SIGNING = Set.of("TokenFunction", "RefreshFunction");
    private static final List<String> ENDPOINTS = List.of("AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SQS",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER");
    /** The functions' environments against the local servers; priming needs no gateway and no pollers. */
    private static final LocalServices LOCAL = LocalServices.shared();

    static Stream<String> functionNames() {
        return SamTemplate.load(ProjectFiles.template()).functions().stream().map(FunctionDefinition::logicalId).sorted();
    }

    @ParameterizedTest
    @MethodSource("functionNames")
    void primingReadsButNeverWrites(String logicalId) throws Exception {
        FunctionDefinition function = LOCAL.function(logicalId);
        Class<?> type = Class.forName(function.handlerClass());
        Map<String, String> environment = new LinkedHashMap<>(LOCAL.environmentOf(function));
        List<CountingProxy> relays = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            CountingProxy relay = new CountingProxy(URI.create(environment.get(endpoint)));
            relays.add(relay);
            environment.put(endpoint, relay.endpoint().toString());
        }
        Object handler = type.getConstructor(Map.class).newInstance(environment);
        long sentAtStart = relays.stream().mapToLong(CountingProxy::bytesSent).sum();
        assertEquals(SIGNING.contains(logicalId), relays.get(2).bytesSent() > 0,
                logicalId + ": only the functions that sign access tokens read a secret when they start");
        SnapStartPriming priming = (SnapStartPriming) type.getMethod("snapStartPriming").invoke(handler);
        DynamoDbCalls.reset();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // The calls are counted per function by the invoking thread's name, as the local cloud names it.
        Thread thread = new Thread(() -> {
            try {
                priming.prime();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, LocalFunction.threadName(logicalId));
        thread.start();
        thread.join();
        assertEquals(null, failure.get(), logicalId + ": the priming failed");
        List<String> calls = DynamoDbCalls.of(logicalId);
        assertTrue(READS.containsAll(calls), logicalId + " wrote while priming: " + calls);
        assertEquals(WITHOUT_TABLE_READS.contains(logicalId), calls.isEmpty(), logicalId + " read " + calls);
        assertEquals(sentAtStart, relays.stream().mapToLong(CountingProxy::bytesSent).sum(), logicalId + " used the network while priming");
        for (CountingProxy relay : relays) {
            relay.close();
        }
    }
}
