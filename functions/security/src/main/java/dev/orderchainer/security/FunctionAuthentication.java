package dev.orderchainer.security;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.observability.EmfMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.MDC;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The bearer check as every authenticated function builds it from its environment (the signing keys' parameter, the table). */
public final class FunctionAuthentication {
    public static final String ISSUER = "orderchainer";
    public static final String AUDIENCE = "orderchainer-api";
    private final AccessTokens tokens;
    private final BearerAuthenticator authenticator;

    public FunctionAuthentication(Env env, DynamoDbClient dynamoDb, String table, Clock clock) {
        this.tokens = new AccessTokens(SecretsManagerSigningKeys.fromEnvironment(env), ISSUER, AUDIENCE,
                Duration.ofMinutes(env.integer("ACCESS_TOKEN_EXPIRE_MINUTES", 30, 1, 24 * 60)), clock);
        SecurityEvents events = new SecurityEvents(EmfMetrics.fromEnvironment(env, "orderchainer"));
        this.authenticator = new BearerAuthenticator(tokens, new DynamoDbRevocationList(dynamoDb, table), events);
    }

    public AccessClaims authenticate(HttpRequest request) {
        return authenticator.authenticate(request);
    }

    public String userId(HttpRequest request) {
        return authenticate(request).userId();
    }

    /** For a single-item read that fetches the session's revocation entry with its item (one round trip). */
    public PendingSession pending(HttpRequest request) {
        return authenticator.pending(request);
    }

    /** SnapStart priming: signs and checks a token for nobody (one revocation read), leaving no trace. */
    public void prime() {
        prime(this::authenticate);
    }

    /** SnapStart priming of a read that checks the session itself: {@code read} gets a request signed for nobody. */
    public void prime(Consumer<HttpRequest> read) {
        String token = tokens.issue("priming", "priming").token();
        read.accept(new HttpRequest("GET", "/priming", "GET /priming", Map.of("authorization", "Bearer " + token),
                Map.of(), Map.of(), null, "priming", "127.0.0.1"));
        MDC.remove(ApiHandler.USER_ID);
    }
}
