package dev.orderchainer.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.local.template.Intrinsics;
import dev.orderchainer.local.template.PhysicalResources;
import dev.orderchainer.local.template.SamTemplate;
import dev.orderchainer.local.template.SamTemplate.Resource;
import dev.orderchainer.local.template.TemplateException;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates in DynamoDB Local and ElasticMQ the tables and queues template.yaml declares, with the
 * properties that matter to the code (keys, indexes, streams, TTL, FIFO, visibility, redrive), and
 * records what every logical id became so intrinsics resolve to local names.
 */
public final class TemplateProvisioner {
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String SECRET = "AWS::SecretsManager::Secret";
    private static final String SIGNING_KEYS = "Custom::SigningKeys";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DynamoDbClient dynamoDb;
    private static final String DISTRIBUTION = "AWS::CloudFront::Distribution";
    private final SqsClient sqs;
    private final LocalSecretsManager secrets;

    public TemplateProvisioner(DynamoDbClient dynamoDb, SqsClient sqs, LocalSecretsManager secrets) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.secrets = secrets;
    }

    /** The provisioned stack: resolved parameters, resources and an intrinsic resolver over them. */
    public record Stack(SamTemplate template, Map<String, Object> parameters, PhysicalResources resources, Intrinsics intrinsics) {}

    public Stack provision(SamTemplate template, Map<String, Object> parameterOverrides) {
        Map<String, Object> parameters = new LinkedHashMap<>(template.parameterDefaults());
        parameters.putAll(parameterOverrides);
        PhysicalResources resources = new PhysicalResources();
        Intrinsics intrinsics = new Intrinsics(parameters, template.conditions(), resources, LocalAws.REGION, LocalAws.ACCOUNT_ID);
        for (Resource resource : template.resources().values()) {
            if (resource.type().equals(TABLE)) {
                createTable(resource, intrinsics, resources);
            }
        }
        createQueues(template.resourcesOfType(QUEUE), intrinsics, resources);
        for (Resource resource : template.resources().values()) {
            // Secrets and the signing keys last: their values may name other resources.
            if (!resources.contains(resource.logicalId()) && !resource.type().equals(SECRET) && !resource.type().equals(SIGNING_KEYS)) {
                String arn = resource.type().equals(SamTemplate.FUNCTION)
                        ? "arn:aws:lambda:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":function:" + resource.logicalId()
                        : "arn:aws:local:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":" + resource.logicalId();
                // The local cloud itself stands in for the CloudFront distribution (app and API on one
                // origin); infra/local.env.json points the links at that origin.
                Map<String, String> attributes = resource.type().equals(DISTRIBUTION)
                        ? Map.of("Arn", arn, "DomainName", "127.0.0.1", "Id", resource.logicalId())
                        : Map.of("Arn", arn);
                resources.put(resource.logicalId(), resource.logicalId(), attributes);
            }
        }
        for (Resource resource : template.resourcesOfType(SECRET)) {
            createSecret(resource, intrinsics, resources);
        }
        for (Resource resource : template.resourcesOfType(SIGNING_KEYS)) {
            createSigningKeys(resource, intrinsics, resources);
        }
        return new Stack(template, parameters, resources, intrinsics);
    }

    private void createTable(Resource resource, Intrinsics intrinsics, PhysicalResources resources) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(resource.properties());
        String name = p.containsKey("TableName") ? String.valueOf(p.get("TableName")) : resource.logicalId();
        TableDescription table;
        try {
            table = dynamoDb.describeTable(r -> r.tableName(name)).table();
        } catch (ResourceNotFoundException absent) {
            CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                    .attributeDefinitions(list(p.get("AttributeDefinitions")).stream().map(a -> AttributeDefinition.builder()
                            .attributeName(str(a, "AttributeName")).attributeType(str(a, "AttributeType")).build()).toList())
                    .keySchema(keySchema(p.get("KeySchema")));
            boolean provisioned = "PROVISIONED".equals(p.get("BillingMode"));
            request.billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
            if (provisioned) {
                request.provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build());
            }
            if (p.get("GlobalSecondaryIndexes") != null) {
                request.globalSecondaryIndexes(list(p.get("GlobalSecondaryIndexes")).stream().map(i -> {
                    GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder().indexName(str(i, "IndexName"))
                            .keySchema(keySchema(i.get("KeySchema"))).projection(projection(i.get("Projection")));
                    if (provisioned) {
                        index.provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build());
                    }
                    return index.build();
                }).toList());
            }
            if (p.get("LocalSecondaryIndexes") != null) {
                request.localSecondaryIndexes(list(p.get("LocalSecondaryIndexes")).stream().map(i -> LocalSecondaryIndex.builder()
                        .indexName(str(i, "IndexName")).keySchema(keySchema(i.get("KeySchema")))
                        .projection(projection(i.get("Projection"))).build()).toList());
            }
            if (p.get("StreamSpecification") instanceof Map<?, ?> stream) {
                request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(String.valueOf(stream.get("StreamViewType"))).build());
            }
            dynamoDb.createTable(request.build());
            if (p.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl && Boolean.TRUE.equals(asBoolean(ttl.get("Enabled")))) {
                dynamoDb.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(
                        s -> s.attributeName(String.valueOf(ttl.get("AttributeName"))).enabled(true)));
            }
            table = dynamoDb.describeTable(r -> r.tableName(name)).table();
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("Arn", table.tableArn());
        if (table.latestStreamArn() != null) {
            attributes.put("StreamArn", table.latestStreamArn());
        }
        resources.put(resource.logicalId(), name, attributes);
    }

    /**
     * A secret as CloudFormation creates it: its SecretString, or one generated as GenerateSecretString
     * says (a random string, letters and digits only, under GenerateStringKey of SecretStringTemplate).
     * Ref is its ARN.
     */
    private void createSecret(Resource resource, Intrinsics intrinsics, PhysicalResources resources) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(resource.properties());
        String name = p.containsKey("Name") ? String.valueOf(p.get("Name")) : resource.logicalId();
        String value;
        if (p.get("SecretString") != null) {
            value = String.valueOf(p.get("SecretString"));
        } else {
            Map<?, ?> generate = p.get("GenerateSecretString") instanceof Map<?, ?> g ? g : Map.of();
            int length = generate.get("PasswordLength") == null ? 32 : Integer.parseInt(String.valueOf(generate.get("PasswordLength")));
            String random = randomAlphanumeric(length);
            if (generate.get("SecretStringTemplate") != null && generate.get("GenerateStringKey") != null) {
                try {
                    ObjectNode template =
                            (ObjectNode) JSON.readTree(String.valueOf(generate.get("SecretStringTemplate")));
                    template.put(String.valueOf(generate.get("GenerateStringKey")), random);
                    value = JSON.writeValueAsString(template);
                } catch (IOException | ClassCastException e) {
                    throw new TemplateException(resource.logicalId()
                            + ": SecretStringTemplate is not a JSON object");
                }
            } else {
                value = random;
            }
        }
        String arn = secrets.put(name, value);
        resources.put(resource.logicalId(), arn, Map.of("Id", arn));
    }

    /** The signing keys resource's Create, as its function would do it (LocalSigningKeys); Ref is the secret. */
    private void createSigningKeys(Resource resource, Intrinsics intrinsics, PhysicalResources resources) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(resource.properties());
        String secretId = String.valueOf(p.get("SecretId"));
        LocalSigningKeys.Made keys = LocalSigningKeys.make(Instant.now());
        secrets.put(secretId, keys.secret());
        resources.put(resource.logicalId(), secretId, Map.of("PublicJwks", keys.publicJwks()));
    }

    private static String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Creates the stack's queues again, for example in an SQS server that was restarted empty. */
    public void recreateQueues(Stack stack) {
        createQueues(stack.template().resourcesOfType(QUEUE), stack.intrinsics(), stack.resources());
    }

    /** Queues may name each other (redrive), so a queue is created after the queues it names. */
    private void createQueues(List<Resource> queues, Intrinsics intrinsics, PhysicalResources resources) {
        Set<String> queueIds = new HashSet<>();
        queues.forEach(q -> queueIds.add(q.logicalId()));
        Set<String> created = new HashSet<>();
        List<Resource> pending = new ArrayList<>(queues);
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (Resource queue : List.copyOf(pending)) {
                Set<String> named = new HashSet<>(referencedIds(queue.properties()));
                named.retainAll(queueIds);
                if (!created.containsAll(named)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(queue.properties());
                createQueue(queue.logicalId(), p, resources);
                created.add(queue.logicalId());
                pending.remove(queue);
            }
            if (pending.size() == before) {
                throw new TemplateException("queues reference each other in a cycle: "
                        + pending.stream().map(Resource::logicalId).toList());
            }
        }
    }

    /** Logical ids named by Ref or GetAtt anywhere inside a value. */
    private static Set<String> referencedIds(Object node) {
        Set<String> ids = new HashSet<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Ref".equals(key)) {
                    ids.add(String.valueOf(value));
                } else if ("Fn::GetAtt".equals(key) && value instanceof List<?> parts && !parts.isEmpty()) {
                    ids.add(String.valueOf(parts.get(0)));
                }
                ids.addAll(referencedIds(value));
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> ids.addAll(referencedIds(item)));
        }
        return ids;
    }

    private void createQueue(String logicalId, Map<String, Object> p, PhysicalResources resources) {
        boolean fifo = Boolean.TRUE.equals(asBoolean(p.get("FifoQueue")));
        String name = p.containsKey("QueueName") ? String.valueOf(p.get("QueueName")) : logicalId + (fifo ? ".fifo" : "");
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        if (fifo) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        copy(p, "ContentBasedDeduplication", attributes, QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
        copy(p, "VisibilityTimeout", attributes, QueueAttributeName.VISIBILITY_TIMEOUT);
        copy(p, "MessageRetentionPeriod", attributes, QueueAttributeName.MESSAGE_RETENTION_PERIOD);
        copy(p, "DelaySeconds", attributes, QueueAttributeName.DELAY_SECONDS);
        copy(p, "ReceiveMessageWaitTimeSeconds", attributes, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);
        if (p.get("RedrivePolicy") != null) {
            try {
                attributes.put(QueueAttributeName.REDRIVE_POLICY, JSON.writeValueAsString(p.get("RedrivePolicy")));
            } catch (Exception e) {
                throw new TemplateException(logicalId + ".RedrivePolicy cannot be written as JSON");
            }
        }
        String url = sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        resources.put(logicalId, url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
    }

    private static void copy(Map<String, Object> p, String key, Map<QueueAttributeName, String> out, QueueAttributeName name) {
        if (p.get(key) != null) {
            out.put(name, String.valueOf(p.get(key)));
        }
    }

    private static Boolean asBoolean(Object value) {
        return value == null ? null : Boolean.valueOf(String.valueOf(value));
    }

    private static List<KeySchemaElement> keySchema(Object node) {
        return list(node).stream().map(k -> KeySchemaElement.builder()
                .attributeName(str(k, "AttributeName")).keyType(str(k, "KeyType")).build()).toList();
    }

    private static Projection projection(Object node) {
        if (!(node instanceof Map<?, ?> p)) {
            return Projection.builder().projectionType("ALL").build();
        }
        Projection.Builder projection = Projection.builder().projectionType(String.valueOf(p.get("ProjectionType")));
        if (p.get("NonKeyAttributes") instanceof List<?> attributes) {
            projection.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return projection.build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        if (!(node instanceof List)) {
            throw new TemplateException("expected a list, got " + node);
        }
        return (List<Map<String, Object>>) node;
    }

    private static String str(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new TemplateException("missing " + key + " in " + map);
        }
        return String.valueOf(value);
    }
}
