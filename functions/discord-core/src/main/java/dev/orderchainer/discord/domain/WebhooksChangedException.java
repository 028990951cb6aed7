package dev.orderchainer.discord.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** Another webhook was added or removed while this one was being added: the limit is checked again on a retry. */
public final class WebhooksChangedException extends ConflictException {
    public WebhooksChangedException() {
        super("The workspace's Discord webhooks changed meanwhile; try again", Map.of());
    }
}
