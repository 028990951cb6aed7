package dev.orderchainer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.domain.DomainException;
import dev.orderchainer.common.domain.RateLimitedException;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.Problems;
import dev.orderchainer.common.observability.EmfMetrics;
import dev.orderchainer.local.LocalServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Revocation and rate limits against DynamoDB Local with the template's table. */
class DynamoDbSecurityStoresTest {
    private final LocalServices local = LocalServices.shared();
    private final List<String> metricLines = new ArrayList<>();
    private final SecurityEvents events = new SecurityEvents(new EmfMetrics("test", "test", metricLines::add, Clock.systemUTC()));
    private final AccessTokens tokens = new AccessTokens(AccessTokensTest.KEYS, "orderchainer", "orderchainer-api",
            Duration.ofMinutes(30), Clock.systemUTC());
    private final RevocationList revocations = new DynamoDbRevocationList(local.dynamoDb(), "AppTable");
    private final BearerAuthenticator authenticator = new BearerAuthenticator(tokens, revocations, events);

    private static HttpRequest withAuthorization(String value) {
        Map<String, String> headers = value == null ? Map.of() : Map.of("authorization", value);
        return new HttpRequest("GET", "/api/orders/", "GET /api/orders/", headers, Map.of(), Map.of(), null, "r", "127.0.0.1");
    }

    @Test
    void aValidTokenAuthenticatesUntilItsSessionIsRevoked() {
        AccessTokens.Issued issued = tokens.issue("user-7", "family-7");
        assertEquals("user-7", authenticator.authenticate(withAuthorization("Bearer " + issued.token())).userId());
        assertEquals("user-7", authenticator.authenticate(withAuthorization("bearer " + issued.token())).userId());
        AccessTokens.Issued sameSession = tokens.issue("user-7", "family-7");
        AccessTokens.Issued otherSession = tokens.issue("user-7", "family-8");
        revocations.revoke("family-7", issued.expiresAt());
        assertThrows(ApiProblem.class, () -> authenticator.authenticate(withAuthorization("Bearer " + sameSession.token())));
        assertEquals("user-7", authenticator.authenticate(withAuthorization("Bearer " + otherSession.token())).userId());
        ApiProblem problem = assertThrows(ApiProblem.class, () -> authenticator.authenticate(withAuthorization("Bearer " + issued.token())));
        assertEquals(401, problem.status());
        assertEquals("Bearer error=\"invalid_token\"", problem.headers().get("www-authenticate"));
        assertTrue(metricLines.stream().anyMatch(l -> l.contains("revoked_token_use")));
    }

    @Test
    void missingOrMalformedAuthorizationIs401() {
        for (String header : new String[] {null, "", "Bearer", "Bearer ", "Basic dXNlcjpwdw==", "Token abc", "Bearer not.a.jwt"}) {
            ApiProblem problem = assertThrows(ApiProblem.class, () -> authenticator.authenticate(withAuthorization(header)));
            assertEquals(401, problem.status(), String.valueOf(header));
        }
    }

    @Test
    void rateLimitsAllowTheLimitThenAnswer429WithRetryAfter() {
        Instant start = Instant.parse("2026-11-24T10:00:10Z");
        DynamoDbRateLimiter limiter = new DynamoDbRateLimiter(local.dynamoDb(), "AppTable", Clock.fixed(start, ZoneOffset.UTC), events);
        String ip = "198.51.100." + UUID.randomUUID().hashCode();
        for (int i = 0; i < 3; i++) {
            limiter.acquire("register", ip, 3, Duration.ofMinutes(1));
        }
        ApiProblem problem = Problems.of(assertThrows(DomainException.class, () -> limiter.acquire("register", ip, 3, Duration.ofMinutes(1))));
        assertEquals(429, problem.status());
        assertEquals("50", problem.headers().get("retry-after"));
        DynamoDbRateLimiter nextWindow = new DynamoDbRateLimiter(local.dynamoDb(), "AppTable",
                Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC), events);
        nextWindow.acquire("register", ip, 3, Duration.ofMinutes(1));
        limiter.acquire("token", ip, 3, Duration.ofMinutes(1));
    }

    @Test
    void concurrentAttemptsNeverExceedTheLimit() throws Exception {
        DynamoDbRateLimiter limiter = new DynamoDbRateLimiter(local.dynamoDb(), "AppTable", Clock.systemUTC(), events);
        String key = "burst-" + UUID.randomUUID();
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                attempts.add(pool.submit(() -> {
                    try {
                        limiter.acquire("burst", key, 10, Duration.ofHours(1));
                        allowed.incrementAndGet();
                    } catch (RateLimitedException limited) {
                        assertEquals(429, Problems.of(limited).status());
                    }
                }));
            }
            for (Future<?> attempt : attempts) {
                attempt.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, allowed.get());
        assertFalse(metricLines.isEmpty());
    }
}
