package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.UnusableInputException;

/** A well-formed webhook URL that Discord says does not exist (deleted, or never created). */
public final class WebhookNotFoundException extends UnusableInputException {
    public WebhookNotFoundException(int discordStatus) {
        super("Discord says this webhook does not exist (status " + discordStatus + ")");
    }
}
