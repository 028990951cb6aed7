package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** The integration was switched off (its webhook stopped working); a new webhook URL switches it on. */
public final class IntegrationDisabledException extends ConflictException {
    public IntegrationDisabledException(String reason) {
        super("The Discord integration is disabled (" + reason + "); set a working webhook_url with PUT /api/discord", Map.of());
    }
}
