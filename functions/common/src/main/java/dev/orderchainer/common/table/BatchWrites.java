package dev.orderchainer.common.table;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem 25 at a time, sending again (with a growing pause) whatever DynamoDB left unprocessed. */
public final class BatchWrites {
    public static final int MAX_REQUESTS = 25;

    private BatchWrites() {}

    public static void all(DynamoDbClient dynamoDb, String table, List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += MAX_REQUESTS) {
            Map<String, List<WriteRequest>> pending = Map.of(table, requests.subList(from, Math.min(requests.size(), from + MAX_REQUESTS)));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> sending = pending;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(sending));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                if (!pending.isEmpty()) {
                    pause(Math.min(1000, 20L << Math.min(attempt, 6)));
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
