package dev.orderchainer.orders;

import static dev.orderchainer.local.JsonText.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceIds;
import dev.orderchainer.workspaces.domain.WorkspaceService;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Many conflicting graph writes in parallel against DynamoDB Local; afterwards the stored graph
 * must be acyclic, without dangling edges, and every dependents list must mirror the dependencies.
 */
class ConcurrentGraphWritesTest {
    private static final OrdersApi API = new OrdersApi();

    @Test
    void oppositeEdgesWrittenTogetherNeverBothSucceed() throws Exception {
        OrdersApi.User user = API.newUser();
        int bothSucceeded = 0;
        for (int round = 0; round < 15; round++) {
            String a = user.createId(json("title", "A" + round));
            String b = user.createId(json("title", "B" + round));
            String c = user.createId(json("title", "C" + round));
            // A -> B, B -> C and C -> A at once: any two may win, never all three.
            List<Integer> statuses = parallel(List.of(
                    () -> user.update(a, "{\"dependencies\":[\"" + b + "\"]}").status(),
                    () -> user.update(b, "{\"dependencies\":[\"" + c + "\"]}").status(),
                    () -> user.update(c, "{\"dependencies\":[\"" + a + "\"]}").status()));
            long ok = statuses.stream().filter(s -> s == 200).count();
            assertTrue(ok <= 2, "round " + round + ": " + statuses);
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
            bothSucceeded += ok == 3 ? 1 : 0;
        }
        assertEquals(0, bothSucceeded);
        assertConsistent(user);
    }

    @Test
    void threeMembersClosingACycleInOneWorkspaceAtOnceNeverAllSucceed() throws Exception {
        DynamoDbWorkspaceStore workspaces = new DynamoDbWorkspaceStore(API.local.dynamoDb(), "AppTable");
        String workspace = WorkspaceIds.next();
        List<OrdersApi.User> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OrdersApi.User user = API.newUser();
            Member member = new Member(workspace, user.id, "m" + i, i == 0 ? Role.OWNER : Role.MEMBER, Instant.now());
            if (i == 0) {
                workspaces.create(new Workspace(workspace, "Race", false, 1, Instant.now()), member);
            } else {
                workspaces.add(member, WorkspaceService.MAX_MEMBERS);
            }
            members.add(user.in(workspace));
        }
        for (int round = 0; round < 15; round++) {
            String a = members.get(0).createId(json("title", "A" + round));
            String b = members.get(1).createId(json("title", "B" + round));
            String c = members.get(2).createId(json("title", "C" + round));
            // Each member adds one edge of the cycle A -> B -> C -> A at the same moment: never all three.
            List<Integer> statuses = parallel(List.of(
                    () -> members.get(0).update(a, json("dependencies", List.of(b))).status(),
                    () -> members.get(1).update(b, json("dependencies", List.of(c))).status(),
                    () -> members.get(2).update(c, json("dependencies", List.of(a))).status()));
            assertTrue(statuses.stream().filter(st -> st == 200).count() <= 2, "round " + round + ": " + statuses);
            assertTrue(statuses.stream().allMatch(st -> st == 200 || st == 409), statuses.toString());
        }
        assertConsistent(workspace);
    }

    @Test
    void aDeleteRacingANewDependencyOnItNeverLeavesADanglingEdge() throws Exception {
        OrdersApi.User user = API.newUser();
        for (int round = 0; round < 15; round++) {
            String target = user.createId(json("title", "target" + round));
            String other = user.createId(json("title", "other" + round));
            List<Integer> statuses = parallel(List.of(
                    () -> user.delete(target).status(),
                    () -> user.update(other, "{\"dependencies\":[\"" + target + "\"]}").status(),
                    () -> user.create("{\"title\":\"new\",\"dependencies\":[\"" + target + "\"]}").status()));
            assertTrue(statuses.get(0) == 204 ? statuses.get(1) != 200 && statuses.get(2) != 201 : statuses.get(0) == 409,
                    "round " + round + ": delete and a new dependency both won: " + statuses);
        }
        assertConsistent(user);
    }

    @Test
    void aStormOfRandomGraphWritesKeepsTheGraphSound() throws Exception {
        OrdersApi.User user = API.newUser();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(user.createId(json("title", "N" + i)));
        }
        List<String> known = Collections.synchronizedList(new ArrayList<>(ids));
        Map<Integer, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Random random = new Random(w);
            workers.add(pool.submit(() -> {
                for (int op = 0; op < 30; op++) {
                    String target = known.get(random.nextInt(known.size()));
                    int kind = random.nextInt(10);
                    HttpInvocation.Response response;
                    if (kind < 6) {
                        List<String> dependencies = new ArrayList<>();
                        for (int d = random.nextInt(4); d > 0; d--) {
                            String candidate = known.get(random.nextInt(known.size()));
                            if (!candidate.equals(target) && !dependencies.contains(candidate)) {
                                dependencies.add(candidate);
                            }
                        }
                        response = user.update(target, json("dependencies", dependencies));
                    } else if (kind < 8) {
                        response = user.delete(target);
                    } else {
                        response = user.create(json("title", "late", "dependencies", List.of(target)));
                        if (response.status() == 201) {
                            known.add(response.json().path("id").asText());
                        }
                    }
                    outcomes.computeIfAbsent(response.status(), k -> new AtomicInteger()).incrementAndGet();
                    assertTrue(response.status() < 500, response.bodyText());
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdownNow();
        assertTrue(outcomes.containsKey(200) && outcomes.containsKey(409), "the storm had both wins and conflicts: " + outcomes);
        assertConsistent(user);
    }


    @Test
    void creatingOrdersNeverConflictsAndLeavesTheGraphVersionAlone() throws Exception {
        OrdersApi.User user = API.newUser();
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shared.add(user.createId(json("title", "shared" + i)));
        }
        var graph = Map.of("pk", AttributeValue.fromS("USER#" + user.id),
                "sk", AttributeValue.fromS("GRAPH"));
        var before = API.local.dynamoDb().getItem(r -> r.tableName("AppTable").key(graph).consistentRead(true)).item();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int thread = 0; thread < 6; thread++) {
            boolean withDependencies = thread % 2 == 1;
            tasks.add(() -> {
                int created = 0;
                for (int i = 0; i < 40; i++) {
                    String body = withDependencies ? "{\"title\":\"d\",\"dependencies\":[\"" + shared.get(i % 3) + "\"]}" : "{\"title\":\"n\"}";
                    HttpInvocation.Response response = user.create(body);
                    if (!withDependencies) {
                        assertEquals(201, response.status(), "an order without dependencies never conflicts: " + response.bodyText());
                    }
                    created += response.status() == 201 ? 1 : 0;
                }
                return created;
            });
        }
        List<Integer> created = parallel(tasks);
        assertEquals(List.of(40, 40, 40), List.of(created.get(0), created.get(2), created.get(4)));
        var after = API.local.dynamoDb().getItem(r -> r.tableName("AppTable").key(graph).consistentRead(true)).item();
        assertEquals(before, after, "creates do not bump the graph version");
        assertConsistent(user);
    }

    private static List<Integer> parallel(List<Callable<Integer>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (var task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the stored graph straight from DynamoDB and checks its invariants. */
    private static void assertConsistent(OrdersApi.User user) {
        assertConsistent(user.id);
    }

    private static void assertConsistent(String workspaceId) {
        DynamoDbOrderStore store = new DynamoDbOrderStore(API.local.dynamoDb(), "AppTable");
        Map<String, Order> orders = new HashMap<>();
        String cursor = null;
        do {
            var page = store.list(workspaceId, Optional.empty(), Optional.empty(), 100, cursor);
            page.items().forEach(o -> orders.put(o.id(), o));
            cursor = page.nextCursor();
        } while (cursor != null);
        for (Order order : orders.values()) {
            for (String dependency : order.dependencies()) {
                assertTrue(orders.containsKey(dependency), order.id() + " depends on missing " + dependency);
                assertTrue(orders.get(dependency).dependents().contains(order.id()),
                        dependency + " does not list its dependent " + order.id());
            }
            for (String dependent : order.dependents()) {
                assertTrue(orders.containsKey(dependent), order.id() + " lists missing dependent " + dependent);
                assertTrue(orders.get(dependent).dependencies().contains(order.id()),
                        dependent + " is listed as a dependent of " + order.id() + " but does not depend on it");
            }
        }
        Set<String> done = new HashSet<>();
        for (String id : orders.keySet()) {
            assertAcyclic(id, orders, done, new HashSet<>());
        }
    }

    private static void assertAcyclic(String id, Map<String, Order> orders, Set<String> done, Set<String> onPath) {
        if (done.contains(id)) {
            return;
        }
        assertTrue(onPath.add(id), "cycle through " + id);
        for (String dependency : orders.get(id).dependencies()) {
            assertAcyclic(dependency, orders, done, onPath);
        }
        onPath.remove(id);
        done.add(id);
    }
}
