package dev.orderchainer.localcloud.spec;

import dev.orderchainer.localcloud.LocalFunction;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The DynamoDB calls the local cloud's functions make, with the function that made each (its invocation
 * thread's name); registered for every SDK client of these tests by the SDK's global interceptor list.
 */
public final class DynamoDbCalls implements ExecutionInterceptor {
    private record Call(String thread, String operation) {}

    private static final Queue<Call> CALLS = new ConcurrentLinkedQueue<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String thread = Thread.currentThread().getName();
        if ("DynamoDb".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                && thread.startsWith(LocalFunction.threadName(""))) {
            CALLS.add(new Call(thread, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
        }
    }

    static void reset() {
        CALLS.clear();
    }

    /** The calls made by this function since the last reset, in order. */
    static List<String> of(String logicalId) {
        return CALLS.stream().filter(c -> c.thread().equals(LocalFunction.threadName(logicalId))).map(Call::operation).toList();
    }
}
