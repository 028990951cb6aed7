package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.NotFoundException;

/** The user has no Discord integration. */
public final class IntegrationNotFoundException extends NotFoundException {
    public IntegrationNotFoundException(String message) {
        super(message);
    }
}
