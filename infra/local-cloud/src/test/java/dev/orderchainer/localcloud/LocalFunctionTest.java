package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.template.FunctionDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Local functions follow Lambda's execution model: one invocation per instance, timeouts enforced. */
class LocalFunctionTest {
    private static LocalFunction function(int timeoutSeconds) {
        return new LocalFunction(new FunctionDefinition("Sleeper", SleepingHandler.class.getName(), "handleRequest",
                "unused", timeoutSeconds, 128, Map.of(), List.of(), List.of()), Map.of());
    }

    private static String invoke(LocalFunction function, long sleepMillis) throws LocalFunction.FunctionError {
        return new String(function.invoke(Long.toString(sleepMillis).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void concurrentInvocationsGetTheirOwnInstancesAndIdleOnesAreReused() throws Exception {
        LocalFunction function = function(5);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return invoke(function, 1500);
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertEquals("1500", result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, function.coldStarts(), "three overlapping invocations need three instances");
        invoke(function, 1);
        invoke(function, 1);
        assertEquals(3, function.coldStarts(), "sequential invocations reuse idle instances");
        function.close();
    }

    @Test
    void anInvocationPastTheTimeoutFailsAndItsInstanceIsDiscarded() throws Exception {
        LocalFunction function = function(1);
        LocalFunction.FunctionError error = assertThrows(LocalFunction.FunctionError.class, () -> invoke(function, 3000));
        assertEquals("Task timed out after 1 seconds", error.getMessage());
        assertEquals("5", invoke(function, 5));
        assertEquals(2, function.coldStarts(), "the timed-out instance is not reused");
        function.close();
    }

    @Test
    void aHandlerThatCannotBeCreatedIsAFunctionError() {
        LocalFunction broken = new LocalFunction(new FunctionDefinition("Broken", "no.such.Handler", "handleRequest",
                "unused", 3, 128, Map.of(), List.of(), List.of()), Map.of());
        LocalFunction.FunctionError error = assertThrows(LocalFunction.FunctionError.class, () -> broken.invoke(new byte[0]));
        assertTrue(error.getMessage().contains("failed to initialise"), error.getMessage());
    }

    @Test
    void anAnswerOverLambdasSixMegabytesIsAFunctionErrorAsOnLambda() throws Exception {
        LocalFunction function = new LocalFunction(new FunctionDefinition("Big", SizedAnswerHandler.class.getName(), "handleRequest",
                "unused", 5, 128, Map.of(), List.of(), List.of()), Map.of());
        assertEquals(LocalFunction.MAX_RESPONSE_BYTES, function.invoke(Integer.toString(LocalFunction.MAX_RESPONSE_BYTES)
                .getBytes(StandardCharsets.UTF_8)).length, "exactly the limit is fine");
        LocalFunction.FunctionError error = assertThrows(LocalFunction.FunctionError.class,
                () -> function.invoke(Integer.toString(LocalFunction.MAX_RESPONSE_BYTES + 1).getBytes(StandardCharsets.UTF_8)));
        assertEquals("Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).", error.getMessage());
        function.close();
    }
}
