package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** A user has one Discord integration; a second is refused until the first is removed. */
public final class IntegrationExistsException extends ConflictException {
    public IntegrationExistsException() {
        super("A Discord integration exists already; change it with PUT /api/discord or remove it first", Map.of());
    }
}
