package dev.orderchainer.discord.domain;

import java.util.OptionalDouble;

/** Discord's webhook API as far as we use it. */
public interface DiscordWebhooks {
    /** What Discord answered, with its rate-limit hints. */
    record Answer(int status, String body, OptionalDouble retryAfterSeconds, Integer remaining, Double resetAfterSeconds) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** 401/404: the webhook was deleted or its token is wrong. */
        public boolean webhookGone() {
            return status == 401 || status == 404;
        }
    }

    /** GET the webhook: does it exist? Timeouts and network errors answer status 0. */
    Answer fetch(WebhookUrl webhook);

    /** POST a message with ?wait=true, into the thread {@code threadId} unless null. Timeouts and network errors answer status 0. */
    Answer execute(WebhookUrl webhook, String threadId, String messageJson);
}
