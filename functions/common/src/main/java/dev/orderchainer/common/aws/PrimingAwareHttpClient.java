package dev.orderchainer.common.aws;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Every SDK client's HTTP client: the network one, except on a thread that is priming for a SnapStart snapshot,
 * where each call is answered inside the JVM with an empty success ({@code {}}: no item, no message, nothing
 * unprocessed). Priming so runs the SDK's whole request path (marshalling, signing, retries, unmarshalling) and
 * ours after it, yet nothing leaves the function: no write can happen, and no connection is in the snapshot to
 * be found broken after a restore.
 */
final class PrimingAwareHttpClient implements SdkHttpClient {
    private static final ThreadLocal<Boolean> PRIMING = ThreadLocal.withInitial(() -> false);
    private static final byte[] EMPTY_ANSWER = "{}".getBytes(StandardCharsets.UTF_8);
    private final SdkHttpClient network;

    PrimingAwareHttpClient(SdkHttpClient network) {
        this.network = network;
    }

    /** Runs {@code work} with every SDK call on this thread answered inside the JVM. */
    static void withoutNetwork(Runnable work) {
        boolean outer = PRIMING.get();
        PRIMING.set(true);
        try {
            work.run();
        } finally {
            PRIMING.set(outer);
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!PRIMING.get()) {
            return network.prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                SdkHttpResponse response = SdkHttpResponse.builder().statusCode(200)
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("Content-Length", Integer.toString(EMPTY_ANSWER.length))
                        .putHeader("x-amzn-RequestId", "priming").build();
                return HttpExecuteResponse.builder().response(response)
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY_ANSWER))).build();
            }

            @Override
            public void abort() {
                // Nothing is in flight.
            }
        };
    }

    @Override
    public String clientName() {
        return network.clientName();
    }

    @Override
    public void close() {
        network.close();
    }
}
