package dev.orderchainer.notifier;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.AppLink;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.common.observability.SkippedRecords;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.delivery.domain.ChangeMessages;
import dev.orderchainer.delivery.domain.DigestRenderer;
import dev.orderchainer.delivery.domain.DiscordSender;
import dev.orderchainer.delivery.domain.EmbedRenderer;
import dev.orderchainer.delivery.domain.Outbox;
import dev.orderchainer.delivery.domain.OutboxWriter;
import dev.orderchainer.delivery.domain.SenderNudges;
import dev.orderchainer.delivery.domain.TemplatedEmbedRenderer;
import dev.orderchainer.delivery.domain.WebhookAddress;
import dev.orderchainer.delivery.domain.WorkspaceNames;
import dev.orderchainer.delivery.queue.SqsRefusedEvents;
import dev.orderchainer.delivery.queue.SqsSenderNudges;
import dev.orderchainer.delivery.store.DynamoDbOutbox;
import dev.orderchainer.discord.client.HttpDiscordWebhooks;
import dev.orderchainer.discord.domain.WebhookStore;
import dev.orderchainer.discord.store.DynamoDbWebhookStore;
import dev.orderchainer.notifier.publish.SqsEventQueue;
import dev.orderchainer.orders.domain.OrderNotFoundException;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.events.EventQueue;
import dev.orderchainer.orders.events.OrderEvent;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import dev.orderchainer.orders.workflow.Workflow;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.store.DynamoDbActivityLog;
import dev.orderchainer.workspaces.store.DynamoDbUsernames;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the four event functions need (publisher, workflow, outbox writer, sender), each built when its handler first
 * asks for it, so a function builds only its own clients; priming reads with what was built.
 */
final class NotifierComponents implements FunctionComponents {
    private static final String PRIMING = "priming";
    private static final String PRIMING_ORDER = "01JDQ8X3V7M2K9P4R6T8W0Y2A4";
    private static final String PRIMING_EVENT = "{\"event_id\":\"priming\",\"type\":\"status_changed\",\"user_id\":\"priming\","
            + "\"order_id\":\"" + PRIMING_ORDER + "\",\"title\":\"Priming\",\"description\":\"\",\"old_status\":\"active\","
            + "\"new_status\":\"completed\",\"changed_fields\":[\"status\"],\"dependencies\":[],\"occurred_at\":\"2026-01-01T00:00:00Z\"}";
    private final Env env;
    private final Clock clock = Clock.systemUTC();
    private final AwsClients aws;
    private final String table;
    private final List<Runnable> primers = new ArrayList<>();
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;
    private OrderService orders;

    NotifierComponents(Env env) {
        this.env = env;
        this.aws = new AwsClients(env);
        this.table = env.required("TABLE_NAME");
    }

    @Override
    public Env env() {
        return env;
    }

    Clock clock() {
        return clock;
    }

    /** Records that can never be processed: logged as {@code consumer}'s, counted for {@code service} (the alarms' dimension). */
    SkippedRecords skippedRecords(String service, String consumer) {
        return new SkippedRecords(EmfMetrics.fromEnvironment(env, service), consumer);
    }

    EventQueue eventQueue(SkippedRecords skipped) {
        return new SqsEventQueue(sqs(), env.required("ORDER_EVENTS_QUEUE_URL"), skipped);
    }

    Workflow workflow(SkippedRecords skipped) {
        DynamoDbOrderStore store = new DynamoDbOrderStore(dynamoDb(), table);
        OrderService orders = orders(store);
        primers.add(() -> {
            try {
                orders.get(PRIMING, PRIMING_ORDER);
            } catch (OrderNotFoundException expected) {
                // Not found: the read path ran.
            }
        });
        return new Workflow(store, orders, eventQueue(skipped));
    }

    private OrderService orders(DynamoDbOrderStore store) {
        if (orders == null) {
            orders = new OrderService(store, clock);
        }
        return orders;
    }

    /**
     * A member left or was removed: its orders in that workspace are unassigned, unless it has become a member
     * again by the time the record is handled (then what it is assigned now is its own again).
     */
    void memberLeft(Member member) {
        if (new DynamoDbWorkspaceStore(dynamoDb(), table).member(member.workspaceId(), member.userId()).isEmpty()) {
            orders(new DynamoDbOrderStore(dynamoDb(), table)).unassign(member.workspaceId(), member.userId());
        }
    }

    /** Names the drafts' actors and people (one read per 100) and writes the entries; nothing for no drafts. */
    void recordActivity(List<ActivityChanges.Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        Set<String> people = new HashSet<>();
        drafts.forEach(draft -> {
            if (draft.actorId() != null) {
                people.add(draft.actorId());
            }
            people.addAll(draft.people());
        });
        Map<String, String> names = new DynamoDbUsernames(dynamoDb(), table).of(people);
        new DynamoDbActivityLog(dynamoDb(), table).record(drafts.stream().map(draft -> draft.named(names)).toList());
    }

    /** The events with their people's names, one batch read for all of them (none when no event names anyone: personal orders). */
    List<OrderEvent> named(List<OrderEvent> events) {
        Set<String> people = new HashSet<>();
        events.forEach(event -> Stream.of(event.actor(), event.assignee()).filter(Objects::nonNull).forEach(p -> people.add(p.userId())));
        if (people.isEmpty()) {
            return events;
        }
        Map<String, String> names = new DynamoDbUsernames(dynamoDb(), table).of(people);
        return events.stream().map(event -> event.named(names)).toList();
    }

    OutboxWriter outboxWriter() {
        return new OutboxWriter(webhooks(), outbox());
    }

    SenderNudges senderNudges() {
        return new SqsSenderNudges(sqs(), env.required("DISCORD_SEND_QUEUE_URL"));
    }

    DiscordSender sender(DiscordSender.Pause pause) {
        Supplier<String> orderUrl = AppLink.of(env.string("ORDER_URL_TEMPLATE", ""), env, this::dynamoDb)::resolved;
        return new DiscordSender(webhooks(), outbox(), new SqsRefusedEvents(sqs(), env.required("DISCORD_DEAD_LETTER_QUEUE_URL")),
                new HttpDiscordWebhooks(env.string("DISCORD_API_BASE", HttpDiscordWebhooks.DEFAULT_API_BASE),
                        Duration.ofSeconds(env.integer("DISCORD_WEBHOOK_TIMEOUT", 5, 1, 30))),
                new ChangeMessages(new EmbedRenderer(orderUrl), new TemplatedEmbedRenderer(orderUrl)), new DigestRenderer(orderUrl),
                workspaceNames(), pause, clock, Duration.ofMillis(env.integer("DISCORD_SEND_PACE_MS", 1000, 0, 10_000)));
    }

    private WorkspaceNames workspaceNames() {
        return WorkspaceNames.of(new DynamoDbWorkspaceStore(dynamoDb(), table));
    }

    private WebhookStore webhooks() {
        WebhookStore webhooks = new DynamoDbWebhookStore(dynamoDb(), table);
        primers.add(() -> webhooks.list(PRIMING));
        return webhooks;
    }

    private Outbox outbox() {
        Outbox outbox = new DynamoDbOutbox(dynamoDb(), table, clock);
        primers.add(() -> outbox.waiting(new WebhookAddress(PRIMING, TableKeys.ORIGINAL_WEBHOOK_ID), 1));
        return outbox;
    }

    private DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = aws.dynamoDb();
        }
        return dynamoDb;
    }

    private SqsClient sqs() {
        if (sqs == null) {
            sqs = aws.build(SqsClient.builder(), "SQS");
        }
        return sqs;
    }

    /** Before a SnapStart snapshot: an order event through the JSON codec, then a read by each store this function built. */
    @Override
    public void prime() {
        try {
            Json.write(Json.mapper().readValue(PRIMING_EVENT, OrderEvent.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        primers.forEach(Runnable::run);
    }
}
