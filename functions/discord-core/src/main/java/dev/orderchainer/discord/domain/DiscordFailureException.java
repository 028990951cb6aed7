package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.UpstreamFailureException;
import java.util.Map;

/** Discord could not be reached or refused a request; the facts carry its status (0: unreachable) and answer. */
public final class DiscordFailureException extends UpstreamFailureException {
    public DiscordFailureException(String message, Map<String, Object> facts) {
        super(message, facts);
    }
}
