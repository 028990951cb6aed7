package dev.orderchainer.localcloud.spec;

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

    String operationId();

    Sample sample();

    void provoke(SpecApi api, SpecFixtures fixtures) throws Exception;
}
