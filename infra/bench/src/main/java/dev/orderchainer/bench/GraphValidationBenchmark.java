package dev.orderchainer.bench;

import dev.orderchainer.common.domain.DomainException;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.Problems;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.local.LocalAws;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderGraph;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import dev.orderchainer.orders.store.OrderItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * How long validating one dependency change takes in a 10,000-order graph, chain and wide shapes,
 * with and without a cycle, through the real OrderService and DynamoDB Local. The graphs are
 * loaded with BatchWriteItem; each measured update is one full request minus the HTTP layer.
 * Usage: mvn -DskipTests -Pbench-graph package
 */
public final class GraphValidationBenchmark {
    private static final int ORDERS = 10_000;
    private static final AtomicInteger CALLS = new AtomicInteger();
    /** Nanoseconds spent inside DynamoDB calls (request sent to response parsed), to tell DynamoDB Local's share from ours. */
    private static final AtomicLong IN_DYNAMODB = new AtomicLong();
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench-started");

    private GraphValidationBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (LocalServices local = LocalServices.start(LocalServices.Options.inMemory(ProjectFiles.template()))) {
            DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(local.dynamoDbServer().endpoint())
                    .region(Region.of(LocalAws.REGION)).httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                        @Override
                        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                            CALLS.incrementAndGet();
                            attributes.putAttribute(STARTED, System.nanoTime());
                        }

                        @Override
                        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                            IN_DYNAMODB.addAndGet(System.nanoTime() - attributes.getAttribute(STARTED));
                        }

                        @Override
                        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                            IN_DYNAMODB.addAndGet(System.nanoTime() - attributes.getAttribute(STARTED));
                        }
                    })).build();
            OrderService service = new OrderService(new DynamoDbOrderStore(dynamoDb, "AppTable"), Clock.systemUTC());
            StringBuilder report = new StringBuilder("| graph (10,000 orders) | change | outcome | ms (median of runs) "
                    + "| of which in DynamoDB calls | DynamoDB calls |\n|---|---|---|---:|---:|---:|\n");

            // Chain: order i depends on order i-1.
            String chainUser = "chain-" + UUID.randomUUID();
            List<String> chain = new ArrayList<>();
            Map<String, List<String>> chainEdges = new HashMap<>();
            for (int i = 0; i < ORDERS; i++) {
                String id = String.format("01J%023d", i);
                chainEdges.put(id, i == 0 ? List.of() : List.of(chain.get(i - 1)));
                chain.add(id);
            }
            load(dynamoDb, chainUser, chainEdges);
            String tail = chain.get(ORDERS - 1);
            report.append(measure(service, "chain", "new order depends on the tail (walks 10,000 levels)", 3, () -> {
                String fresh = service.create(chainUser, new OrderRequests.Create("fresh", null, null, null, null)).id();
                return () -> service.update(chainUser, fresh, new OrderRequests.Update(null, null, null, List.of(tail), null, null));
            }));
            report.append(profiled("cycle-check", () -> measure(service, "chain", "head depends on the tail: cycle of 10,001", 3, () ->
                    () -> service.update(chainUser, chain.get(0), new OrderRequests.Update(null, null, null, List.of(tail), null, null)))));

            // Wide: a root depends on 50 orders, each of those on 50 more (2,500), each of those on 3 of the rest.
            String wideUser = "wide-" + UUID.randomUUID();
            Map<String, List<String>> wideEdges = new HashMap<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                ids.add(String.format("01K%023d", i));
            }
            String root = ids.get(0);
            List<String> level1 = ids.subList(1, 51);
            List<String> level2 = ids.subList(51, 2551);
            List<String> level3 = ids.subList(2551, ORDERS);
            wideEdges.put(root, level1);
            for (int i = 0; i < level1.size(); i++) {
                wideEdges.put(level1.get(i), level2.subList(i * 50, i * 50 + 50));
            }
            for (int i = 0; i < level2.size(); i++) {
                List<String> children = new ArrayList<>();
                for (int j = 0; j < 3 && i * 3 + j < level3.size(); j++) {
                    children.add(level3.get(i * 3 + j));
                }
                wideEdges.put(level2.get(i), children);
            }
            level3.forEach(id -> wideEdges.putIfAbsent(id, List.of()));
            load(dynamoDb, wideUser, wideEdges);
            report.append(measure(service, "wide (fan-out 50, 50, 3)", "new order depends on the root (walks all 10,000)", 3, () -> {
                String fresh = service.create(wideUser, new OrderRequests.Create("fresh", null, null, null, null)).id();
                return () -> service.update(wideUser, fresh, new OrderRequests.Update(null, null, null, List.of(root), null, null));
            }));
            String deepest = level3.get(level3.size() - 1);
            report.append(measure(service, "wide (fan-out 50, 50, 3)", "a deepest order depends on the root: cycle", 3, () ->
                    () -> service.update(wideUser, deepest, new OrderRequests.Update(null, null, null, List.of(root), null, null))));
            String shallow = level1.get(0);
            report.append(measure(service, "wide (fan-out 50, 50, 3)", "new order depends on one level-2 order (walks 4 orders)", 3, () -> {
                String fresh = service.create(wideUser, new OrderRequests.Create("fresh", null, null, null, null)).id();
                return () -> service.update(wideUser, fresh, new OrderRequests.Update(null, null, null, List.of(level2.get(0)), null, null));
            }));
            report.append("\n| graph (10,000 orders) | GET /api/orders/graph work | ms (median of 3) | of which reading (in DynamoDB calls) "
                    + "| building and rendering | DynamoDB calls |\n|---|---|---:|---:|---:|---:|\n");
            DynamoDbOrderStore store = new DynamoDbOrderStore(dynamoDb, "AppTable");
            for (String[] shape : new String[][] {{"chain", chainUser}, {"wide (fan-out 50, 50, 3)", wideUser}}) {
                for (String format : List.of("json", "mermaid")) {
                    Recording recording = profiling(shape[0].equals("chain") && format.equals("json"));
                    List<double[]> runs = new ArrayList<>();
                    int calls = 0;
                    for (int run = 0; run < 3; run++) {
                        CALLS.set(0);
                        IN_DYNAMODB.set(0);
                        long started = System.nanoTime();
                        var all = store.all(shape[1]);
                        long read = System.nanoTime();
                        var graph = OrderGraph.of(all, null);
                        String rendered = format.equals("json") ? Json.write(graph) : graph.mermaid();
                        if (rendered.isEmpty() || graph.topologicalOrder().size() < ORDERS) {
                            throw new IllegalStateException("incomplete graph");
                        }
                        long done = System.nanoTime();
                        runs.add(new double[] {(done - started) / 1e6, (read - started) / 1e6, IN_DYNAMODB.get() / 1e6, (done - read) / 1e6});
                        calls = CALLS.get();
                    }
                    dump(recording, "graph-view");
                    runs.sort((a, b) -> Double.compare(a[0], b[0]));
                    double[] median = runs.get(1);
                    report.append(String.format("| %s | read all, topological order, critical path, render %s | %.0f | %.0f (%.0f) | %.0f | %d |%n",
                            shape[0], format, median[0], median[1], median[2], median[3], calls));
                }
            }
            System.out.println(report);
            Files.createDirectories(Path.of("infra/bench/target"));
            Files.writeString(Path.of("infra/bench/target/graph-validation.md"), report.toString());
        }
    }

    /** -Dbench.profile=DIR records a JFR profile ("profile" settings) of the chain's cycle check and graph view there. */
    private static String profiled(String name, Supplier<String> work) {
        Recording recording = profiling(true);
        String result = work.get();
        dump(recording, name);
        return result;
    }

    private static Recording profiling(boolean wanted) {
        if (!wanted || System.getProperty("bench.profile", "").isBlank()) {
            return null;
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            return recording;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot start a JFR recording", e);
        }
    }

    private static void dump(Recording recording, String name) {
        if (recording == null) {
            return;
        }
        try {
            recording.stop();
            recording.dump(Path.of(System.getProperty("bench.profile")).resolve(name + ".jfr"));
            recording.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the JFR recording", e);
        }
    }

    interface Setup {
        Runnable prepare();
    }

    private static String measure(OrderService service, String graph, String change, int runs, Setup setup) {
        List<double[]> millis = new ArrayList<>();
        int calls = 0;
        String outcome = "";
        for (int run = 0; run < runs; run++) {
            Runnable update = setup.prepare();
            CALLS.set(0);
            IN_DYNAMODB.set(0);
            long started = System.nanoTime();
            try {
                update.run();
                outcome = "accepted";
            } catch (DomainException refused) {
                ApiProblem problem = Problems.of(refused);
                outcome = problem.status() + (problem.extensions().containsKey("cycle") ? " cycle named" : " " + problem.detail());
            }
            millis.add(new double[] {(System.nanoTime() - started) / 1e6, IN_DYNAMODB.get() / 1e6});
            calls = CALLS.get();
        }
        millis.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] median = millis.get(millis.size() / 2);
        return String.format("| %s | %s | %s | %.0f | %.0f | %d |%n", graph, change, outcome, median[0], median[1], calls);
    }

    /** Writes orders and their mirrored dependents with BatchWriteItem, 25 at a time. */
    private static void load(DynamoDbClient dynamoDb, String userId, Map<String, List<String>> edges) {
        Map<String, List<String>> dependents = new HashMap<>();
        edges.forEach((id, deps) -> deps.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(id)));
        Instant now = Instant.now();
        List<WriteRequest> batch = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : edges.entrySet()) {
            Order order = new Order(entry.getKey(), userId, "order " + entry.getKey(), "", OrderStatus.PENDING, entry.getValue(),
                    dependents.getOrDefault(entry.getKey(), List.of()), false, List.of(), now, now, 1);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(OrderItem.encode(order)).build()).build());
            if (batch.size() == 25) {
                write(dynamoDb, batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(dynamoDb, batch);
        }
    }

    private static void write(DynamoDbClient dynamoDb, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of("AppTable", batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            var response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }
}
