package dev.orderchainer.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.common.domain.ConflictException;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.LimitExceededException;
import dev.orderchainer.common.domain.NotFoundException;
import dev.orderchainer.common.domain.NotPermittedException;
import dev.orderchainer.common.domain.RateLimitedException;
import dev.orderchainer.common.domain.UnauthenticatedException;
import dev.orderchainer.common.domain.UnusableInputException;
import dev.orderchainer.common.domain.UpstreamFailureException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of refusal the domain has gets its one answer here. */
class ProblemsTest {
    @Test
    void eachKindHasItsStatusAndCarriesItsFacts() {
        assertEquals(400, Problems.of(new InvalidInputException("bad")).status());
        assertEquals(401, Problems.of(new UnauthenticatedException("who")).status());
        assertEquals(403, Problems.of(new NotPermittedException("not yet")).status());
        assertEquals(404, Problems.of(new NotFoundException("gone")).status());
        ApiProblem conflict = Problems.of(new ConflictException("blocked", Map.of("blocked_by", List.of("a"))) { });
        assertEquals(409, conflict.status());
        assertEquals(Map.of("blocked_by", List.of("a")), conflict.extensions());
        assertEquals("blocked", conflict.detail());
        assertEquals(422, Problems.of(new LimitExceededException("big", Map.of()) { }).status());
        assertEquals(422, Problems.of(new UnusableInputException("unknown webhook")).status());
        ApiProblem upstream = Problems.of(new UpstreamFailureException("Discord said no", Map.of("discord_status", 404)));
        assertEquals(502, upstream.status());
        assertEquals(404, upstream.extensions().get("discord_status"));
    }

    @Test
    void aRateLimitSaysWhenToRetry() {
        ApiProblem limited = Problems.of(new RateLimitedException("Too many", 42));
        assertEquals(429, limited.status());
        assertEquals("42", limited.headers().get("retry-after"));
    }

    @Test
    void invalidInputNamesItsFieldGivenOrInItsMessage() {
        assertEquals(Map.of("field", "title"), Problems.of(new InvalidInputException("too long", "title")).extensions());
        assertEquals(Map.of("field", "token"), Problems.of(new InvalidInputException("Field 'token' is wrong")).extensions());
        assertEquals(Map.of(), Problems.of(new InvalidInputException("Password is too common")).extensions());
    }
}
