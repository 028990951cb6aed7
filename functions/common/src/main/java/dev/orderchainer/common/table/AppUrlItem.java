package dev.orderchainer.common.table;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The web app's base URL as the stack keeps it: one item of the table ({@link TableKeys#appUrl()}), written by the
 * stack's AppUrl resource at deploy and read by the functions that make links, with the DynamoDB client they have.
 */
public final class AppUrlItem {
    private static final String URL = "url";
    private final DynamoDbClient dynamoDb;
    private final String table;

    public AppUrlItem(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public Optional<String> read() {
        AttributeValue url = dynamoDb.getItem(r -> r.tableName(table).key(TableKeys.appUrl())).item().get(URL);
        return Optional.ofNullable(url).map(AttributeValue::s);
    }

    public void write(String url) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.appUrl());
        item.put(URL, AttributeValue.fromS(url));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    public void delete() {
        dynamoDb.deleteItem(r -> r.tableName(table).key(TableKeys.appUrl()));
    }
}
