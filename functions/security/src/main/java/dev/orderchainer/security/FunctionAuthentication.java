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

/**
 * The bearer check as every authenticated function builds it from its environment: the public keys of
 * ACCESS_TOKEN_PUBLIC_KEYS (no secret, no network call before the first request) and the table's revocation entries.
 */
public final class FunctionAuthentication {
    public static final String ISSUER = "orderchainer";
    public static final String AUDIENCE = "orderchainer-api";
    private final Clock clock;
    private final Duration lifetime;
    private final RevocationList revocations;
    private final SecurityEvents events;
    /** Swapped only while priming (see {@link #prime(Consumer)}), before the function takes requests. */
    private volatile BearerAuthenticator authenticator;

    public FunctionAuthentication(Env env, DynamoDbClient dynamoDb, String table, Clock clock) {
        this.clock = clock;
        this.lifetime = lifetime(env);
        this.revocations = new DynamoDbRevocationList(dynamoDb, table);
        this.events = new SecurityEvents(EmfMetrics.fromEnvironment(env, "orderchainer"));
        AccessTokens tokens = AccessTokens.verifyingOnly(publicKeys(env), ISSUER, AUDIENCE, lifetime, clock);
        this.authenticator = new BearerAuthenticator(tokens, revocations, events);
    }

    /** The public keys every function verifies with (ACCESS_TOKEN_PUBLIC_KEYS, a JWK Set). */
    public static VerificationKeys publicKeys(Env env) {
        return VerificationKeys.parse(env.required(VerificationKeys.ENVIRONMENT), VerificationKeys.ENVIRONMENT);
    }

    /** ACCESS_TOKEN_EXPIRE_MINUTES (30). */
    public static Duration lifetime(Env env) {
        return Duration.ofMinutes(env.integer("ACCESS_TOKEN_EXPIRE_MINUTES", 30, 1, 24 * 60));
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

    /** SnapStart priming: a token check for nobody (one revocation read), leaving no trace. */
    public void prime() {
        prime(this::authenticate);
    }

    /**
     * SnapStart priming of a read that checks the session itself: {@code read} gets a request for nobody, with a token
     * signed by a key made for this priming alone and dropped after it (a function that verifies holds no private key).
     * While {@code read} runs, the check verifies with that key's public half through the same code as every request's.
     */
    public void prime(Consumer<HttpRequest> read) {
        SigningKeys primingKeys = SigningKeys.generate(clock.instant());
        AccessTokens primingTokens = new AccessTokens(primingKeys, ISSUER, AUDIENCE, lifetime, clock);
        BearerAuthenticator serving = authenticator;
        authenticator = new BearerAuthenticator(primingTokens, revocations, events);
        try {
            String token = primingTokens.issue("priming", "priming").token();
            read.accept(new HttpRequest("GET", "/priming", "GET /priming", Map.of("authorization", "Bearer " + token),
                    Map.of(), Map.of(), null, "priming", "127.0.0.1"));
        } finally {
            authenticator = serving;
            MDC.remove(ApiHandler.USER_ID);
        }
    }
}
