package dev.orderchainer.localcloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.template.FunctionDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One function of the template, run in-process the way Lambda runs it: an instance handles one
 * invocation at a time, a busy function gets a new instance (a cold start), an instance that times
 * out is thrown away. Stream handlers get the raw payload; typed handlers get it deserialised with
 * Lambda's own event serialisers.
 */
public final class LocalFunction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FunctionDefinition definition;
    private final Map<String, String> environment;
    private final ConcurrentLinkedDeque<Object> idle = new ConcurrentLinkedDeque<>();
    private final ExecutorService executor;
    private final AtomicInteger coldStarts = new AtomicInteger();

    public LocalFunction(FunctionDefinition definition, Map<String, String> environment) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.executor = Executors.newCachedThreadPool(daemon(threadName(definition.logicalId())));
    }

    /** The threads a function's invocations run on are named after it, so tests can tell whose SDK calls they see. */
    public static String threadName(String logicalId) {
        return "lambda-" + logicalId;
    }

    public String name() {
        return definition.logicalId();
    }

    public FunctionDefinition definition() {
        return definition;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public int coldStarts() {
        return coldStarts.get();
    }

    /** Thrown when the function raised an error or timed out, as Lambda reports a function error. */
    public static final class FunctionError extends Exception {
        public FunctionError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Lambda's limit for a synchronous invocation's response (6 MB as Lambda counts it). */
    public static final int MAX_RESPONSE_BYTES = 6_291_556;

    public byte[] invoke(byte[] payload) throws FunctionError {
        Object instance = idle.pollFirst();
        if (instance == null) {
            instance = newInstance();
        }
        Object handler = instance;
        Context context = new LocalLambdaContext(definition.logicalId(), definition.memoryMb(), definition.timeoutSeconds());
        Future<byte[]> result = executor.submit(() -> call(handler, payload, context));
        try {
            byte[] output = result.get(definition.timeoutSeconds(), TimeUnit.SECONDS);
            idle.addFirst(handler);
            if (output.length > MAX_RESPONSE_BYTES) {
                throw new FunctionError("Response payload size (" + output.length + " bytes) exceeded maximum allowed payload size ("
                        + MAX_RESPONSE_BYTES + " bytes).", null);
            }
            return output;
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new FunctionError("Task timed out after " + definition.timeoutSeconds() + " seconds", e);
        } catch (ExecutionException e) {
            idle.addFirst(handler);
            throw new FunctionError(definition.logicalId() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionError("interrupted", e);
        }
    }

    private Object newInstance() throws FunctionError {
        try {
            Class<?> type = Class.forName(definition.handlerClass());
            Object instance;
            try {
                Constructor<?> withEnvironment = type.getConstructor(Map.class);
                instance = withEnvironment.newInstance(environment);
            } catch (NoSuchMethodException plainLambdaHandler) {
                instance = type.getConstructor().newInstance();
            }
            coldStarts.incrementAndGet();
            return instance;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new FunctionError(definition.logicalId() + " failed to initialise: " + cause, cause);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] call(Object handler, byte[] payload, Context context) throws Exception {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(payload), out, context);
            return out.toByteArray();
        }
        if (handler instanceof RequestHandler typed) {
            Class<?> inputType = inputType(handler.getClass());
            Object input;
            if (LambdaEventSerializers.isLambdaSupportedEvent(inputType.getName())) {
                PojoSerializer<?> serializer = LambdaEventSerializers.serializerFor(inputType, handler.getClass().getClassLoader());
                input = serializer.fromJson(new ByteArrayInputStream(payload));
            } else {
                input = JSON.readValue(payload, inputType);
            }
            Object output = typed.handleRequest(input, context);
            return output == null ? "null".getBytes() : JSON.writeValueAsBytes(output);
        }
        throw new IllegalStateException(handler.getClass().getName() + " implements no Lambda handler interface");
    }

    private static Class<?> inputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type iface : c.getGenericInterfaces()) {
                if (iface instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type input = p.getActualTypeArguments()[0];
                    return input instanceof Class<?> k ? k : (Class<?>) ((ParameterizedType) input).getRawType();
                }
            }
        }
        return Object.class;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public void close() {
        executor.shutdownNow();
    }
}
