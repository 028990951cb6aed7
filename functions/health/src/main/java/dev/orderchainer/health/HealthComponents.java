package dev.orderchainer.health;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.BuildInfo;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;

/** What the health endpoint needs: the table probe and the build's version. */
final class HealthComponents implements FunctionComponents {
    private final Env env;
    private final HealthService health;

    HealthComponents(Env env) {
        this.env = env;
        this.health = new HealthService(new DynamoDbTableProbe(new AwsClients(env).dynamoDb(), env.required("TABLE_NAME")),
                BuildInfo.version(), System::nanoTime);
    }

    @Override
    public Env env() {
        return env;
    }

    HealthService health() {
        return health;
    }

    /** The probe itself is read-only (DescribeTable). */
    @Override
    public void prime() {
        health.check();
    }
}
