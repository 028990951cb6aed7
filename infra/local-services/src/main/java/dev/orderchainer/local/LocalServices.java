package dev.orderchainer.local;

import dev.orderchainer.local.TemplateProvisioner.Stack;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.SamTemplate;
import dev.orderchainer.local.template.TemplateException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local and ElasticMQ with the tables and queues of a template, and the environment
 * each function of that template gets: the template's variables resolved to local names plus
 * the region, credentials and endpoints Lambda (or the local cloud) provides.
 */
public final class LocalServices implements AutoCloseable {
    private static LocalServices shared;
    private final DynamoDbLocalServer dynamoDbServer;
    private volatile ElasticMqServer sqsServer;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final LocalSecretsManager secrets;
    private final Stack stack;

    private LocalServices(DynamoDbLocalServer dynamoDbServer, ElasticMqServer sqsServer, LocalSecretsManager secrets, Stack stack) {
        this.dynamoDbServer = dynamoDbServer;
        this.sqsServer = sqsServer;
        this.secrets = secrets;
        this.dynamoDb = LocalAws.dynamoDb(dynamoDbServer.endpoint());
        this.sqs = LocalAws.sqs(sqsServer.endpoint());
        this.stack = stack;
    }

    /** Options: fixed ports (0 = any), a data directory (null = in memory) and parameter overrides. */
    public record Options(Path template, int dynamoDbPort, int sqsPort, Path dynamoDbDataDir, Map<String, Object> parameters) {
        public static Options inMemory(Path template) {
            return new Options(template, 0, 0, null, Map.of());
        }
    }

    public static LocalServices start(Options options) {
        SamTemplate template = SamTemplate.load(options.template());
        DynamoDbLocalServer dynamo = DynamoDbLocalServer.start(options.dynamoDbPort(), options.dynamoDbDataDir());
        ElasticMqServer sqsServer = ElasticMqServer.start(options.sqsPort());
        LocalSecretsManager secrets = LocalSecretsManager.start();
        try {
            Map<String, Object> parameters = new LinkedHashMap<>(options.parameters());
            Stack stack = new TemplateProvisioner(LocalAws.dynamoDb(dynamo.endpoint()), LocalAws.sqs(sqsServer.endpoint()), secrets)
                    .provision(template, parameters);
            return new LocalServices(dynamo, sqsServer, secrets, stack);
        } catch (RuntimeException e) {
            secrets.close();
            sqsServer.close();
            dynamo.close();
            throw e;
        }
    }

    /** One in-memory instance of the project's template.yaml per test JVM, closed at exit. */
    public static synchronized LocalServices shared() {
        if (shared == null) {
            shared = start(Options.inMemory(ProjectFiles.template()));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** The template's secret holding the JWT signing keys (created, with a random key, like every resource of the template). */
    public static final String SIGNING_KEYS_SECRET = "SigningKeysSecret";

    /** The signing keys as the functions read them, for tests and tools that mint tokens the functions accept. */
    public String signingKeysJson() {
        return secrets.value(stack.resources().ref(SIGNING_KEYS_SECRET));
    }

    public LocalSecretsManager secrets() {
        return secrets;
    }

    public Stack stack() {
        return stack;
    }

    public FunctionDefinition function(String logicalId) {
        return stack.template().functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("no function " + logicalId + " in the template"));
    }

    /** The environment the function sees, as Lambda would give it, pointed at the local servers. */
    public Map<String, String> environmentOf(FunctionDefinition function) {
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> env.put(name, stack.intrinsics().string(value)));
        // No CloudFront distribution stands in front of the local API (its gateway is the API's own endpoint,
        // as with `sam local start-api`), so no origin secret could ever arrive: requests are taken as they come.
        env.remove("ORIGIN_VERIFY_VALUES");
        env.put("AWS_REGION", LocalAws.REGION);
        env.put("AWS_DEFAULT_REGION", LocalAws.REGION);
        env.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_ACCESS_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbServer.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsServer.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        return env;
    }

    public Map<String, String> environmentOf(String logicalId) {
        return environmentOf(function(logicalId));
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbLocalServer dynamoDbServer() {
        return dynamoDbServer;
    }

    public ElasticMqServer sqsServer() {
        return sqsServer;
    }

    /** Fault injection: SQS goes away (connections are refused until {@link #restartSqs()}). */
    public synchronized void stopSqs() {
        sqsServer.close();
    }

    /** SQS comes back on the same port with the template's queues, empty, as after an outage. */
    public synchronized void restartSqs() {
        sqsServer = ElasticMqServer.start(sqsServer.endpoint().getPort());
        new TemplateProvisioner(dynamoDb, sqs, secrets).recreateQueues(stack);
    }

    @Override
    public synchronized void close() {
        dynamoDb.close();
        sqs.close();
        secrets.close();
        sqsServer.close();
        dynamoDbServer.close();
    }
}
