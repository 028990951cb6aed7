package dev.orderchainer.common.aws;

import dev.orderchainer.common.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the SDK clients of a function from its Env, with no default-chain probing (region,
 * credentials and HTTP client are named explicitly: faster cold starts). Endpoints can be pointed
 * at the local cloud with AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL.
 */
public final class AwsClients {
    private final Env env;
    private final ExecutionInterceptor[] interceptors;

    public AwsClients(Env env, ExecutionInterceptor... interceptors) {
        this.env = env;
        this.interceptors = interceptors.clone();
    }

    public DynamoDbClient dynamoDb() {
        return build(DynamoDbClient.builder(), "DYNAMODB");
    }

    /** Any SDK client, configured like every other: {@code build(SesV2Client.builder(), "SESV2")}. */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder, String endpointKey) {
        builder.region(region())
                .credentialsProvider(credentials())
                .httpClient(httpClient())
                .overrideConfiguration(overrides());
        endpoint(endpointKey).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public Region region() {
        return Region.of(env.string("AWS_REGION", env.string("AWS_DEFAULT_REGION", "us-east-1")));
    }

    public Optional<URI> endpoint(String service) {
        return env.optional("AWS_ENDPOINT_URL_" + service).or(() -> env.optional("AWS_ENDPOINT_URL")).map(URI::create);
    }

    private ClientOverrideConfiguration overrides() {
        // Standard mode: 3 attempts with jittered backoff. DynamoDB's own default (9 attempts) kept a
        // request waiting 3.5 s for its 503 when the database was unreachable.
        var builder = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(Duration.ofSeconds(env.integer("AWS_CALL_ATTEMPT_TIMEOUT_SECONDS", 3, 1, 60)));
        for (ExecutionInterceptor interceptor : interceptors) {
            builder.addExecutionInterceptor(interceptor);
        }
        return builder.build();
    }

    /**
     * The AWS CRT client, not the JDK's HttpURLConnection one: HttpURLConnection checks every reused
     * keep-alive connection before a streamed POST (every SDK call) with a 1 ms read timeout, so each
     * DynamoDB, SQS or Secrets Manager call waited about 1.1 ms for nothing (BENCHMARKS.md). A
     * connection that carries nothing for 5 s is dropped, as the old client's socket timeout did.
     */
    private SdkHttpClient httpClient() {
        return new PrimingAwareHttpClient(AwsCrtHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .connectionHealthConfiguration(health -> health.minimumThroughputInBps(1L).minimumThroughputTimeout(Duration.ofSeconds(5)))
                .build());
    }

    /**
     * Lambda with SnapStart hands out credentials through the container endpoint; plain Lambda
     * and the local cloud through the environment.
     */
    private AwsCredentialsProvider credentials() {
        if (env.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return ContainerCredentialsProvider.builder().build();
        }
        String keyId = env.required("AWS_ACCESS_KEY_ID");
        String secret = env.required("AWS_SECRET_ACCESS_KEY");
        return StaticCredentialsProvider.create(env.optional("AWS_SESSION_TOKEN")
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(keyId, secret, token))
                .orElseGet(() -> AwsBasicCredentials.create(keyId, secret)));
    }
}
