package dev.orderchainer.localcloud.spec;

import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderIds;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.store.OrderItem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class OrderGraphCases implements OperationCases {
    @Override
    public String operationId() {
        return "orderGraph";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/orders/graph", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.tokenWithoutAccount();
        String first = fixtures.orderAndDependent(api, user).get(0);
        for (String query : List.of("", "?format=mermaid", "?format=dot&root=" + first, "?format=gif", "?root=" + SpecFixtures.UNKNOWN_ORDER)) {
            api.json(operationId(), "/api/orders/graph" + query, user, null);
        }
        String crowded = UUID.randomUUID().toString();
        crowd(fixtures, crowded);
        api.json(operationId(), "/api/orders/graph", fixtures.accessToken(crowded), null);
    }

    /** A workspace with a graph over the 6 MB a Lambda answer may hold: 9,000 orders with long titles, written straight to the table. */
    static void crowd(SpecFixtures fixtures, String crowded) {
        OrderIds ids = new OrderIds(Clock.systemUTC());
        List<WriteRequest> batch = new ArrayList<>();
        List<String> created = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 9_000; i++) {
            var item = OrderItem.encode(new Order(ids.next(), crowded, "Order " + i + " " + "t".repeat(190), "", OrderStatus.PENDING,
                    List.copyOf(created.subList(Math.max(0, created.size() - 10), created.size())), List.of(), false, List.of(), now, now, 1));
            created.add(item.get("id").s());
            batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        // 360 batches of 25, four at a time: the fill is setup, not what is measured.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int from = 0; from < batch.size(); from += 25) {
                List<WriteRequest> chunk = List.copyOf(batch.subList(from, Math.min(batch.size(), from + 25)));
                writes.add(pool.submit(() -> fixtures.dynamoDb().batchWriteItem(r -> r.requestItems(Map.of("AppTable", chunk)))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("filling the crowded workspace failed", e);
        } finally {
            pool.shutdown();
        }
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        String user = fixtures.tokenWithoutAccount();
        fixtures.orderAndDependent(api, user);
        // The session check, the user's orders page by page.
        return new Budgeted("/api/orders/graph", user, null, List.of("GetItem", "Query"));
    }
}
