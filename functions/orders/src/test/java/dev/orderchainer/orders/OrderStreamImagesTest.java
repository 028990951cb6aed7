package dev.orderchainer.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Order changes reach the table stream with old and new images (what the event publisher reads). */
class OrderStreamImagesTest {
    private static final OrdersApi API = new OrdersApi();

    @Test
    void createUpdateAndDeleteLeaveFullImagesOnTheStream() {
        OrdersApi.User user = API.newUser();
        String id = user.createId("{\"title\":\"Streamed\"}");
        user.update(id, "{\"status\":\"active\"}");
        user.delete(id);

        List<Record> records = new ArrayList<>();
        try (DynamoDbStreamsClient streams = LocalAws.dynamoDbStreams(API.local.dynamoDbServer().endpoint())) {
            String arn = API.local.stack().resources().attribute("AppTable", "StreamArn");
            for (Shard shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                for (int i = 0; iterator != null && i < 1000; i++) {
                    String current = iterator;
                    var page = streams.getRecords(r -> r.shardIterator(current));
                    page.records().stream().filter(r -> ("ORDER#" + id).equals(r.dynamodb().keys().get("sk").s())).forEach(records::add);
                    if (page.records().isEmpty()) {
                        break;
                    }
                    iterator = page.nextShardIterator();
                }
            }
        }
        // A delete first writes deleted_at (a MODIFY no event follows from), then removes the order.
        assertEquals(List.of("INSERT", "MODIFY", "MODIFY", "REMOVE"), records.stream().map(Record::eventNameAsString).toList());
        Map<String, AttributeValue> oldImage = records.get(1).dynamodb().oldImage();
        Map<String, AttributeValue> newImage = records.get(1).dynamodb().newImage();
        assertEquals("pending", oldImage.get("status").s());
        assertEquals("active", newImage.get("status").s());
        assertEquals(user.id, newImage.get("user_id").s());
        assertEquals("2", newImage.get("version").n());
        assertTrue(records.get(3).dynamodb().hasOldImage(), "a delete carries the last state");
        assertEquals("Streamed", records.get(3).dynamodb().oldImage().get("title").s());
        Instant deletedAt = Instant.parse(records.get(3).dynamodb().oldImage().get("deleted_at").s());
        assertTrue(Duration.between(deletedAt, Instant.now()).abs().getSeconds() < 60, "when it was deleted: " + deletedAt);
    }
}
