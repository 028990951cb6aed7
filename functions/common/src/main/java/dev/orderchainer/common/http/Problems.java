package dev.orderchainer.common.http;

import dev.orderchainer.common.domain.ConflictException;
import dev.orderchainer.common.domain.DomainException;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.LimitExceededException;
import dev.orderchainer.common.domain.NotFoundException;
import dev.orderchainer.common.domain.NotPermittedException;
import dev.orderchainer.common.domain.RateLimitedException;
import dev.orderchainer.common.domain.UnauthenticatedException;
import dev.orderchainer.common.domain.UnusableInputException;
import dev.orderchainer.common.domain.UpstreamFailureException;
import java.util.Map;

/** The one place where what the domain refused becomes an HTTP answer: its kind picks the status, its facts travel along. */
public final class Problems {
    private Problems() {}

    public static ApiProblem of(DomainException refused) {
        if (refused instanceof InvalidInputException invalid) {
            return invalid.field() == null ? ApiProblem.badRequest(invalid.getMessage())
                    : ApiProblem.badRequest(invalid.getMessage(), invalid.field());
        }
        if (refused instanceof RateLimitedException limited) {
            return new ApiProblem(429, limited.getMessage(), Map.of(),
                    Map.of("retry-after", Long.toString(limited.retryAfterSeconds())));
        }
        return new ApiProblem(status(refused), refused.getMessage(), refused.facts(), Map.of());
    }

    static int status(DomainException refused) {
        if (refused instanceof UnauthenticatedException) {
            return 401;
        }
        if (refused instanceof NotPermittedException) {
            return 403;
        }
        if (refused instanceof NotFoundException) {
            return 404;
        }
        if (refused instanceof ConflictException) {
            return 409;
        }
        if (refused instanceof LimitExceededException || refused instanceof UnusableInputException) {
            return 422;
        }
        if (refused instanceof UpstreamFailureException) {
            return 502;
        }
        // A new kind without a mapping is a programming error, caught by ProblemsTest for every kind.
        throw new IllegalStateException("no answer for " + refused.getClass().getName(), refused);
    }
}
