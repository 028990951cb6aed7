package dev.orderchainer.discord.domain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.json.Json;
import java.util.List;

/**
 * A webhook message: our username and avatar, embeds, link buttons below them, and no mentions ever
 * (allowed_mentions.parse = []).
 */
public final class DiscordMessage {
    private DiscordMessage() {}

    public static String of(Webhook webhook, List<ObjectNode> embeds, List<LinkButton> buttons) {
        ObjectNode message = Json.mapper().createObjectNode();
        if (webhook.username() != null) {
            message.put("username", webhook.username());
        }
        if (webhook.avatarUrl() != null) {
            message.put("avatar_url", webhook.avatarUrl());
        }
        message.putObject("allowed_mentions").putArray("parse");
        ArrayNode array = message.putArray("embeds");
        embeds.forEach(array::add);
        if (!buttons.isEmpty()) {
            message.set("components", LinkButton.rows(buttons));
        }
        return message.toString();
    }
}
