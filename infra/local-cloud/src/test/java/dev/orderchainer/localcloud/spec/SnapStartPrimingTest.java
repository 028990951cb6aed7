package dev.orderchainer.localcloud.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.aws.SnapStartPriming;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.SamTemplate;
import dev.orderchainer.localcloud.LocalFunction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function template.yaml declares (HTTP, stream and queue alike) primes before a SnapStart snapshot, through its
 * handler base, with its environment: the priming works, reads from DynamoDB and never writes.
 */
class SnapStartPrimingTest {
    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "DescribeTable");
    /** Publishes to SQS only: its priming is the event codec, no table read. */
    private static final Set<String> WITHOUT_TABLE_READS = Set.of("OrderEventsPublisherFunction");
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
        Object handler = type.getConstructor(Map.class).newInstance(LOCAL.environmentOf(function));
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
    }
}
