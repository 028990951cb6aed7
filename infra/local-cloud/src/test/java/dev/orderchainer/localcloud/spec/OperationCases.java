package dev.orderchainer.localcloud.spec;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How one operation of infra/openapi.yaml is exercised by {@code OpenApiSpecTest}: a well-formed sample
 * request, from which the test derives the answers every operation of its kind has (401 without a
 * token, 413 and 415 for bodies, 429 for a burst, 503 while DynamoDB is down), and {@link #provoke}, which
 * calls the operation until it has given every answer of its own (successes, 400, 404, 409, 422, 502...).
 * One class per operation, named {@code <OperationId>Cases}, in this package; the test finds it by its operationId.
 */
public interface OperationCases {
    /** A request needing no prior state: the URL (a made-up id where one is needed) and a JSON body, or null. */
    record Sample(String url, String body) {}

    /**
     * A typical successful request, prepared with whatever state it needs, and the DynamoDB calls it
     * makes in order: the operation's call budget (BENCHMARKS "DynamoDB calls per endpoint").
     */
    record Budgeted(String url, String token, String body, List<String> dynamoDbCalls) {}

    String operationId();

    Sample sample();

    void provoke(SpecApi api, SpecFixtures fixtures) throws Exception;

    Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception;

    /** Every class of this package implementing this interface, by the operationId it exercises. */
    static Map<String, OperationCases> byOperationId() {
        Map<String, OperationCases> cases = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(OperationCases.class.getResource("").toURI()))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Cases.class")).toList()) {
                Class<?> type = Class.forName(OperationCases.class.getPackageName() + "." + file.getFileName().toString().replace(".class", ""));
                if (OperationCases.class.isAssignableFrom(type) && !type.isInterface()) {
                    var constructor = type.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    OperationCases own = (OperationCases) constructor.newInstance();
                    if (cases.put(own.operationId(), own) != null) {
                        throw new IllegalStateException("two cases classes for " + own.operationId());
                    }
                }
            }
        } catch (IOException | URISyntaxException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot list the cases classes", e);
        }
        return cases;
    }
}
