package dev.orderchainer.health;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.BuildInfo;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.table.AppUrlItem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the health endpoint and the stack's AppUrl resource need: the table (probe, app URL item) and the build's version. */
final class HealthComponents implements FunctionComponents {
    private final Env env;
    private final DynamoDbClient dynamoDb;
    private final HealthService health;

    HealthComponents(Env env) {
        this.env = env;
        this.dynamoDb = new AwsClients(env).dynamoDb();
        this.health = new HealthService(new DynamoDbTableProbe(dynamoDb, env.required("TABLE_NAME")), BuildInfo.version(), System::nanoTime);
    }

    @Override
    public Env env() {
        return env;
    }

    HealthService health() {
        return health;
    }

    AppUrlItem appUrl() {
        return new AppUrlItem(dynamoDb, env.required("TABLE_NAME"));
    }

    /** The probe itself is read-only (DescribeTable). */
    @Override
    public void prime() {
        health.check();
    }
}
