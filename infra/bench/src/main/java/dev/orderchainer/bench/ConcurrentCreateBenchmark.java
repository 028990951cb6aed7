package dev.orderchainer.bench;

import dev.orderchainer.common.domain.DomainException;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.Problems;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One user creating orders from 6 threads at once through the real OrderService on DynamoDB
 * Local: without dependencies, each depending on the thread's own previous order (no item shared
 * between threads but the user's), and each depending on one of 20 shared orders. Counts the creates
 * that still end in "the orders changed, retry" (409) after the service's own retries.
 * Usage: mvn -DskipTests -Pbench-creates package [-Dbench.args="CREATES THREADS"]
 */
public final class ConcurrentCreateBenchmark {
    private ConcurrentCreateBenchmark() {}

    public static void main(String[] args) throws Exception {
        String[] options = String.join(" ", args).trim().split("\\s+");
        int creates = options.length > 0 && !options[0].isEmpty() ? Integer.parseInt(options[0]) : 16_000;
        int threads = options.length > 1 ? Integer.parseInt(options[1]) : 6;
        StringBuilder report = new StringBuilder("| creates | threads | dependencies | 201 | 409 retry | other | creates/s |\n"
                + "|---:|---:|---|---:|---:|---:|---:|\n");
        try (LocalServices local = LocalServices.start(LocalServices.Options.inMemory(ProjectFiles.template()))) {
            OrderService service = new OrderService(new DynamoDbOrderStore(local.dynamoDb(), local.stack().resources().ref("AppTable")),
                    Clock.systemUTC());
            for (String mode : List.of("none", "own previous", "one of 20 shared", "one shared")) {
                String user = UUID.randomUUID().toString();
                List<String> shared = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    shared.add(service.create(user, new OrderRequests.Create("shared " + i, null, null, null, null)).id());
                }
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger conflicts = new AtomicInteger();
                AtomicInteger other = new AtomicInteger();
                AtomicInteger next = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long started = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    running.add(pool.submit(() -> {
                        String previous = shared.get(thread % shared.size());
                        while (next.getAndIncrement() < creates) {
                            List<String> dependencies = switch (mode) {
                                case "none" -> null;
                                case "own previous" -> List.of(previous);
                                case "one shared" -> List.of(shared.get(0));
                                default -> List.of(shared.get(ThreadLocalRandom.current().nextInt(shared.size())));
                            };
                            try {
                                previous = service.create(user, new OrderRequests.Create("order", null, null, dependencies, null)).id();
                                ok.incrementAndGet();
                            } catch (DomainException refused) {
                                ApiProblem problem = Problems.of(refused);
                                (problem.status() == 409 ? conflicts : other).incrementAndGet();
                            }
                        }
                    }));
                }
                for (Future<?> future : running) {
                    future.get();
                }
                pool.shutdown();
                double seconds = (System.nanoTime() - started) / 1e9;
                report.append(String.format(Locale.ROOT, "| %d | %d | %s | %d | %d | %d | %.0f |%n", creates, threads,
                        mode, ok.get(), conflicts.get(), other.get(), creates / seconds));
            }
        }
        System.out.println(report);
        Path out = ProjectFiles.root().resolve("infra/bench/target/concurrent-creates.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }
}
