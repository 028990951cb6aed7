package dev.orderchainer.bench;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every DynamoDB call any SDK client of the benchmark's JVM makes (the functions build their own clients, so the SDK's
 * global interceptor list registers this one: resources/software/amazon/awssdk/global/handlers/execution.interceptors).
 */
public final class DynamoDbCallCounter implements ExecutionInterceptor {
    private static final Queue<String> CALLS = new ConcurrentLinkedQueue<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if ("DynamoDb".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            CALLS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    /** The calls {@code work} made, in order. */
    static List<String> during(Runnable work) {
        CALLS.clear();
        work.run();
        return List.copyOf(CALLS);
    }
}
