package dev.orderchainer.security;

import dev.orderchainer.common.domain.RateLimitedException;
import dev.orderchainer.common.table.TableKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fixed-window counters as DynamoDB items: one atomic conditional UpdateItem per attempt, so
 * concurrent functions never let more than the limit through. Each window's item carries its
 * expiry (checked by the window key itself; TTL only cleans up).
 */
public final class DynamoDbRateLimiter implements RateLimiter {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final SecurityEvents events;

    public DynamoDbRateLimiter(DynamoDbClient dynamoDb, String table, Clock clock, SecurityEvents events) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void acquire(String scope, String key, int limit, Duration window) {
        long now = clock.millis() / 1000;
        long windowSeconds = window.toSeconds();
        long windowStart = now - now % windowSeconds;
        long windowEnd = windowStart + windowSeconds;
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(TableKeys.rateWindow(scope, key, windowStart))
                    .updateExpression("ADD hits :one SET expires_at = :end")
                    .conditionExpression("attribute_not_exists(hits) OR hits < :limit")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Integer.toString(limit)),
                            ":end", AttributeValue.fromN(Long.toString(windowEnd)))));
        } catch (ConditionalCheckFailedException limited) {
            long retryAfter = Math.max(1, windowEnd - now);
            events.record("rate_limited", key, scope);
            throw new RateLimitedException("Too many " + scope + " attempts; retry in " + retryAfter + " s", retryAfter);
        }
    }
}
