package dev.orderchainer.orders.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.aws.AwsClients;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.local.DynamoDbLocalServer;
import dev.orderchainer.local.FreePort;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.domain.OrderView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local is stopped in the middle of an order write, just before its 1st, 2nd, ... call
 * to DynamoDB, for every call the write makes. Each time the write fails with an SDK error (the
 * API's 503) and, once the database is back, the table holds exactly what it held before: no
 * order, edge or graph version is half-written. The last round lets every call through.
 */
class DatabaseStopsMidRequestTest {
    @TempDir
    Path data;
    private LocalServices services;
    private DynamoDbLocalServer database;

    /** Stops the database just before the n-th DynamoDB call of the next operation (0 = never). */
    private static final class StopBeforeCall implements ExecutionInterceptor {
        private Runnable stop = () -> { };
        private int stopBefore;
        private int calls;

        void arm(int call, Runnable stopDatabase) {
            this.stopBefore = call;
            this.calls = 0;
            this.stop = stopDatabase;
        }

        int calls() {
            return calls;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if ("DynamoDb".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                    && ++calls == stopBefore) {
                stop.run();
            }
        }
    }

    @AfterEach
    void stop() {
        if (database != null) {
            database.close();
        }
        services.close();
    }

    @Test
    void creatingWithDependenciesIsAllOrNothing() {
        runAtEveryCall((service, user) -> service.create(user.id(), new OrderRequests.Create("Assemble", null, null,
                List.of(user.first(), user.second()), null)));
    }

    @Test
    void replacingDependenciesIsAllOrNothing() {
        runAtEveryCall((service, user) -> service.update(user.id(), user.third(), new OrderRequests.Update("Assemble again", null,
                null, List.of(user.second()), null, null)));
    }

    @Test
    void removingDependenciesIsAllOrNothing() {
        runAtEveryCall((service, user) -> service.update(user.id(), user.third(), new OrderRequests.Update(null, null, null,
                List.of(), null, null)));
    }

    @Test
    void deletingAnOrderWithDependenciesIsAllOrNothing() {
        runAtEveryCall((service, user) -> service.delete(user.id(), user.third()));
    }

    record User(String id, String first, String second, String third) {}

    interface Write {
        void run(OrderService service, User user);
    }

    private void runAtEveryCall(Write write) {
        int port = FreePort.pick();
        Path dir = data.resolve(UUID.randomUUID().toString());
        services = LocalServices.start(new LocalServices.Options(ProjectFiles.template(), port, 0, dir, Map.of()));
        Map<String, String> env = services.environmentOf("UpdateOrderFunction");
        StopBeforeCall stopper = new StopBeforeCall();
        DynamoDbClient client = new AwsClients(new Env(env), stopper).dynamoDb();
        OrderService service = new OrderService(new DynamoDbOrderStore(client, env.get("TABLE_NAME")), Clock.systemUTC());

        String userId = UUID.randomUUID().toString();
        OrderView first = service.create(userId, new OrderRequests.Create("First", null, null, null, null));
        OrderView second = service.create(userId, new OrderRequests.Create("Second", null, null, null, null));
        OrderView third = service.create(userId, new OrderRequests.Create("Third", null, null, List.of(first.id()), null));
        User user = new User(userId, first.id(), second.id(), third.id());

        String table = env.get("TABLE_NAME");
        for (int call = 1; ; call++) {
            Set<String> before = table(table);
            DynamoDbLocalServer running = database;
            stopper.arm(call, running == null ? services.dynamoDbServer()::close : running::close);
            try {
                write.run(service, user);
            } catch (SdkException expected) {
                // Same port, same data directory: the store's client and the reader reconnect to it.
                database = DynamoDbLocalServer.start(port, dir);
                assertEquals(before, table(table), "stopped before call " + call + ": nothing is half-written");
                continue;
            }
            assertTrue(stopper.calls() < call, "the write succeeded only when no call was stopped");
            assertTrue(call > 2, "the write makes several calls, so some rounds stopped it mid-way");
            assertTrue(!before.equals(table(table)), "the write that went through changed the table");
            return;
        }
    }

    /**
     * The table as users and the stream handlers see it. deleted_at and deleted_by are left out: a delete writes
     * them alone before its transaction (so the deleted event names the exact time and who), and they mean nothing
     * on an order that is still there.
     */
    private Set<String> table(String name) {
        Set<String> items = new TreeSet<>();
        services.dynamoDb().scanPaginator(r -> r.tableName(name).consistentRead(true)).items().forEach(item -> items.add(new TreeSet<>(
                item.entrySet().stream().filter(e -> !e.getKey().equals(OrderItem.DELETED_AT) && !e.getKey().equals(OrderItem.DELETED_BY))
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()).toString()));
        return items;
    }
}
