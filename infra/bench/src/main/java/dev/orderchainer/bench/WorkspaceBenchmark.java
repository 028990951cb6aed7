package dev.orderchainer.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderchainer.common.table.BatchWrites;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.orders.GetOrderGraphHandler;
import dev.orderchainer.orders.GetOrderHandler;
import dev.orderchainer.orders.ListOrdersHandler;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.store.OrderItem;
import dev.orderchainer.security.AccessTokens;
import dev.orderchainer.security.FunctionAuthentication;
import dev.orderchainer.security.SigningKeys;
import dev.orderchainer.workspaces.ListActivityHandler;
import dev.orderchainer.workspaces.domain.Activity;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceIds;
import dev.orderchainer.workspaces.store.DynamoDbActivityLog;
import dev.orderchainer.workspaces.store.DynamoDbWorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What a team workspace costs against the personal one, through the real handlers on DynamoDB Local.
 * 1. The membership check: GET an order of the personal workspace (A: /api/orders/{id}) against the same in a team
 *    (B: /api/workspaces/{wid}/orders/{id}), DynamoDB calls per request and warm milliseconds in alternating rounds.
 * 2. Scale: a team of 50 members with 10,000 orders and 10,000 activity entries beside a personal workspace with 10,000
 *    orders: the first page of the list (100), an assignee's page, the whole graph and an activity page, each with its
 *    answer's size against Lambda's 6 MB and its DynamoDB calls.
 * Usage: mvn -DskipTests -Pbench-workspace package [-Dbench.args="ROUNDS SAMPLES"]
 */
public final class WorkspaceBenchmark {
    private static final int ORDERS = 10_000;
    private static final int MEMBERS = 50;
    private static final long LAMBDA_PAYLOAD = 6L * 1024 * 1024;

    private record Answer(int status, int bytes, List<String> calls, double ms) {}

    private WorkspaceBenchmark() {}

    public static void main(String[] args) throws Exception {
        String[] options = String.join(" ", args).trim().split("\\s+");
        int rounds = options.length > 0 && !options[0].isEmpty() ? Integer.parseInt(options[0]) : 6;
        int samples = options.length > 1 ? Integer.parseInt(options[1]) : 200;
        try (LocalServices local = LocalServices.start(LocalServices.Options.inMemory(ProjectFiles.template()))) {
            String table = local.stack().resources().ref("AppTable");
            AccessTokens tokens = new AccessTokens(SigningKeys.parse(local.signingKeysJson(), "local"), FunctionAuthentication.ISSUER,
                    FunctionAuthentication.AUDIENCE, Duration.ofHours(2), Clock.systemUTC());
            List<String> people = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                people.add(UUID.randomUUID().toString());
            }
            String owner = people.get(0);
            String token = tokens.issue(owner, "bench-session").token();
            String team = WorkspaceIds.next();
            DynamoDbWorkspaceStore workspaces = new DynamoDbWorkspaceStore(local.dynamoDb(), table);
            Instant now = Instant.now();
            workspaces.create(new Workspace(team, "Bench team", false, 1, now), new Member(team, owner, "member0", Role.OWNER, now));
            for (int i = 1; i < MEMBERS; i++) {
                workspaces.add(new Member(team, people.get(i), "member" + i, i % 3 == 0 ? Role.VIEWER : Role.MEMBER, now), MEMBERS);
            }
            long seeding = System.nanoTime();
            load(local, table, owner, people, false);
            load(local, table, team, people, true);
            activity(local, table, team, people);
            System.out.printf(Locale.ROOT, "seeded 2 x %,d orders, %,d activity entries, %d members in %.0f s%n", ORDERS, ORDERS, MEMBERS,
                    (System.nanoTime() - seeding) / 1e9);

            RequestStreamHandler getOrder = new GetOrderHandler(local.environmentOf("GetOrderFunction"));
            RequestStreamHandler listOrders = new ListOrdersHandler(local.environmentOf("ListOrdersFunction"));
            RequestStreamHandler graph = new GetOrderGraphHandler(local.environmentOf("GetOrderGraphFunction"));
            RequestStreamHandler listActivity = new ListActivityHandler(local.environmentOf("ListActivityFunction"));
            String orderId = id(4_321);
            Map<String, ApiGatewayV2Event> reads = new LinkedHashMap<>();
            reads.put("A", get("/api/orders/" + orderId, "GET /api/orders/{id}", token).pathParameter("id", orderId));
            reads.put("B", get("/api/workspaces/" + team + "/orders/" + orderId, "GET /api/workspaces/{wid}/orders/{id}", token)
                    .pathParameter("wid", team).pathParameter("id", orderId));

            StringBuilder report = new StringBuilder("## Membership check: GET one order, personal (A) vs team (B)\n\n");
            for (Map.Entry<String, ApiGatewayV2Event> read : reads.entrySet()) {
                Answer answer = invoke(getOrder, read.getValue());
                report.append(String.format(Locale.ROOT, "- %s: %d, DynamoDB calls %s%n", read.getKey(), answer.status(), answer.calls()));
            }
            report.append("\n| round | A median ms | B median ms | B/A |\n|---:|---:|---:|---:|\n");
            for (ApiGatewayV2Event warm : reads.values()) {
                times(getOrder, warm, 100);
            }
            double logRatios = 0;
            for (int round = 1; round <= rounds; round++) {
                double a = median(times(getOrder, reads.get("A"), samples));
                double b = median(times(getOrder, reads.get("B"), samples));
                logRatios += Math.log(b / a);
                report.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f |%n", round, a, b, b / a));
            }
            report.append(String.format(Locale.ROOT, "%ngeomean B/A over %d rounds of %d warm requests each: %.3f%n%n", rounds, samples,
                    Math.exp(logRatios / rounds)));

            report.append("## 50 members, 10,000 orders, 10,000 activity entries\n\n| request | workspace | status | answer bytes |"
                    + " of 6 MB | DynamoDB calls | ms |\n|---|---|---:|---:|---:|---|---:|\n");
            String base = "/api/workspaces/" + team;
            String member = people.get(7);
            row(report, "orders, first page of 100", "personal", invoke(listOrders, get("/api/orders?limit=100", "GET /api/orders", token)));
            row(report, "orders, first page of 100", "team", invoke(listOrders, get(base + "/orders?limit=100", "GET /api/workspaces/{wid}/orders",
                    token).pathParameter("wid", team)));
            row(report, "orders assigned to one member, first page", "team", invoke(listOrders, get(base + "/orders?limit=100&assignee="
                    + member, "GET /api/workspaces/{wid}/orders", token).pathParameter("wid", team)));
            row(report, "graph of every order", "personal", invoke(graph, get("/api/orders/graph", "GET /api/orders/graph", token)));
            row(report, "graph of every order", "team", invoke(graph, get(base + "/orders/graph", "GET /api/workspaces/{wid}/orders/graph",
                    token).pathParameter("wid", team)));
            row(report, "activity, first page of 100", "team", invoke(listActivity, get(base + "/activity?limit=100",
                    "GET /api/workspaces/{wid}/activity", token).pathParameter("wid", team)));
            row(report, "one order's activity", "team", invoke(listActivity, get(base + "/activity?limit=100&order_id=" + orderId,
                    "GET /api/workspaces/{wid}/activity", token).pathParameter("wid", team)));
            System.out.println(report);
            Path out = ProjectFiles.root().resolve("infra/bench/target/workspace.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.toString());
        }
    }

    private static ApiGatewayV2Event get(String path, String routeKey, String token) {
        return ApiGatewayV2Event.request("GET", path).routeKey(routeKey).header("authorization", "Bearer " + token);
    }

    private static Answer invoke(RequestStreamHandler handler, ApiGatewayV2Event event) {
        HttpInvocation.Response[] response = new HttpInvocation.Response[1];
        long started = System.nanoTime();
        List<String> calls = DynamoDbCallCounter.during(() -> response[0] = HttpInvocation.invoke(handler, event,
                new LocalLambdaContext("bench", 1024, 30)));
        return new Answer(response[0].status(), response[0].body().length, calls, (System.nanoTime() - started) / 1e6);
    }

    private static List<Double> times(RequestStreamHandler handler, ApiGatewayV2Event event, int samples) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Answer answer = invoke(handler, event);
            if (answer.status() != 200) {
                throw new IllegalStateException("expected 200, got " + answer.status());
            }
            times.add(answer.ms());
        }
        return times;
    }

    private static void row(StringBuilder report, String request, String workspace, Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException(request + " in the " + workspace + " workspace answered " + answer.status());
        }
        report.append(String.format(Locale.ROOT, "| %s | %s | %d | %,d | %.2f%% | %d: %s | %.0f |%n", request, workspace, answer.status(),
                answer.bytes(), 100.0 * answer.bytes() / LAMBDA_PAYLOAD, answer.calls().size(), summary(answer.calls()), answer.ms()));
    }

    /** "Query×12, BatchGetItem" for a list of calls. */
    private static String summary(List<String> calls) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        calls.forEach(c -> counts.merge(c, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((call, n) -> parts.add(n == 1 ? call : call + "×" + n));
        return String.join(", ", parts);
    }

    private static String id(int i) {
        return String.format("01J%023d", i);
    }

    /**
     * 10,000 orders in chains of ten (each waits for the one before), titles and descriptions of a realistic length; a
     * team's are made and assigned by its members in turn.
     */
    private static void load(LocalServices local, String table, String workspaceId, List<String> people, boolean team) {
        Instant now = Instant.now();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            List<String> dependencies = i % 10 == 0 ? List.of() : List.of(id(i - 1));
            List<String> dependents = i % 10 == 9 ? List.of() : List.of(id(i + 1));
            String by = team ? people.get(i % people.size()) : workspaceId;
            String assignee = team ? people.get((i * 7) % people.size()) : null;
            Order order = new Order(id(i), workspaceId, "Order " + i + " of the spring catalogue print run", "Paper, plates and proofs for"
                    + " section " + i + "; see the shared brief for sizes and the colour profile.", OrderStatus.PENDING, dependencies,
                    dependents, false, List.of(), now, now, 1, by, by, assignee);
            writes.add(WriteRequest.builder().putRequest(p -> p.item(OrderItem.encode(order))).build());
        }
        BatchWrites.all(local.dynamoDb(), table, writes);
    }

    private static void activity(LocalServices local, String table, String workspaceId, List<String> people) {
        List<Activity> entries = new ArrayList<>();
        Instant start = Instant.now().minus(Duration.ofDays(30));
        for (int i = 0; i < ORDERS; i++) {
            String actor = people.get(i % people.size());
            entries.add(new Activity("bench-" + i, workspaceId, start.plusSeconds(i * 60L), actor, "member" + (i % people.size()),
                    "order.updated", id(i), "changed “Order " + i + " of the spring catalogue print run”"));
        }
        new DynamoDbActivityLog(local.dynamoDb(), table).record(entries);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
