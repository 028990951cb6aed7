package dev.orderchainer.discord.store;

import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.discord.domain.VerifiedEmails;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads email_verified from the account's USER#{id}/PROFILE item. */
public final class DynamoDbVerifiedEmails implements VerifiedEmails {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbVerifiedEmails(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean isVerified(String userId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(TableKeys.profile(userId))
                .projectionExpression("email_verified")).item();
        AttributeValue verified = item == null ? null : item.get("email_verified");
        return verified != null && Boolean.TRUE.equals(verified.bool());
    }
}
