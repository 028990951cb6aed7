package dev.orderchainer.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline: a plain Java handler in the shape of AWS's samples, a default SDK client built at
 * class load and one GetItem per invocation. Only the endpoint is pointed at DynamoDB Local.
 */
public final class GetItemBaselineHandler implements RequestHandler<Map<String, String>, String> {
    private static final DynamoDbClient DYNAMO_DB = client();
    private static final String TABLE = System.getenv("TABLE_NAME");

    private static DynamoDbClient client() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder();
        String endpoint = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Override
    public String handleRequest(Map<String, String> input, Context context) {
        Map<String, AttributeValue> item = DYNAMO_DB.getItem(r -> r.tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS(input.get("pk")), "sk", AttributeValue.fromS(input.get("sk"))))).item();
        return item.isEmpty() ? "not found" : item.get("pk").s();
    }
}
