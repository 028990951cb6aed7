package dev.orderchainer.orders;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts DynamoDB calls made on the current thread; registered for every SDK client in tests. */
public final class DynamoDbCallCounter implements ExecutionInterceptor {
    private static final ThreadLocal<List<String>> CALLS = ThreadLocal.withInitial(ArrayList::new);

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if ("DynamoDb".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            CALLS.get().add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    public static void reset() {
        CALLS.get().clear();
    }

    public static List<String> calls() {
        return List.copyOf(CALLS.get());
    }
}
