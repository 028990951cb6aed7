package dev.orderchainer.health;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Asks DynamoDB for the table's status: one DescribeTable round trip. */
public final class DynamoDbTableProbe implements DatabaseProbe {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbTableProbe(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void check() {
        TableStatus status = dynamoDb.describeTable(r -> r.tableName(tableName)).table().tableStatus();
        if (status != TableStatus.ACTIVE && status != TableStatus.UPDATING) {
            throw new IllegalStateException("table " + tableName + " is " + status);
        }
    }
}
