package dev.orderchainer.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.json.Json;
import dev.orderchainer.discord.domain.IntegrationNotFoundException;
import dev.orderchainer.discord.domain.WebhookRequest;
import dev.orderchainer.discord.domain.WebhookService;
import dev.orderchainer.discord.domain.WebhookView;
import dev.orderchainer.discord.template.InvalidTemplateException;
import dev.orderchainer.discord.testing.InMemoryWebhookStore;
import dev.orderchainer.discord.testing.ScriptedDiscord;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.orders.domain.Assignees;
import dev.orderchainer.orders.domain.OrderNotFoundException;
import dev.orderchainer.orders.domain.OrderRequests;
import dev.orderchainer.orders.domain.OrderService;
import dev.orderchainer.orders.store.DynamoDbOrderStore;
import dev.orderchainer.workspaces.domain.Access;
import dev.orderchainer.workspaces.domain.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The preview: exactly the message the sender would post for one change, with the saved template or one being edited. */
class WebhookPreviewsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String HOOK = "https://discord.com/api/webhooks/1187654321098765432/Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ2kM4";
    private final String user = UUID.randomUUID().toString();
    private final Access me = Access.personal(user);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ScriptedDiscord discord = new ScriptedDiscord();
    private final WebhookService webhooks = new WebhookService(new InMemoryWebhookStore(), id -> true, discord, Assignees.PERSONAL_ONLY,
            () -> "wh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), clock);
    private final OrderService orders = new OrderService(new DynamoDbOrderStore(LocalServices.shared().dynamoDb(), "AppTable"), clock);
    private final ChangeMessages messages = new ChangeMessages(new EmbedRenderer(() -> "https://app.example.com/orders/{id}"),
            new TemplatedEmbedRenderer(() -> "https://app.example.com/orders/{id}"));
    private final WebhookPreviews previews = new WebhookPreviews(webhooks, orders, messages, id -> "Kitchen", Map.of(user, "ada")::get, clock);

    private WebhookView webhook(WebhookRequest.Template template) {
        return webhooks.create(me, new WebhookRequest("Releases", HOOK, "Order bot", null, null, null, null, template, null));
    }

    private JsonNode preview(String webhookId, WebhookPreviews.Request request) {
        return Json.tree(previews.preview(me, webhookId, request));
    }

    @Test
    void theSavedTemplateWordsASampleChangeByTheCallerAsTheSenderWouldPostIt() {
        WebhookView hook = webhook(new WebhookRequest.Template("{order.title}: {order.old_status} → {order.status}", "by {actor} in {workspace}",
                "{event}"));
        JsonNode body = preview(hook.id(), new WebhookPreviews.Request("completed", null, null));
        JsonNode embed = body.path("embeds").path(0);
        assertEquals("Sample order: active → completed", embed.path("title").asText());
        assertEquals("by ada in Kitchen", embed.path("description").asText());
        assertEquals("completed", embed.path("footer").path("text").asText());
        assertEquals(NOW.toString(), embed.path("timestamp").asText());
        assertEquals("Order bot", body.path("username").asText());
        assertEquals(0, body.path("allowed_mentions").path("parse").size());
        assertEquals("Open order", body.path("components").path(0).path("components").path(0).path("label").asText());
        assertEquals(List.of("GET"), discord.calls().stream().map(ScriptedDiscord.Call::method).toList(), "nothing is posted");
    }

    @Test
    void aRealOrderAndATemplateBeingEditedAreUsedAndTheTemplateIsNotSaved() {
        WebhookView hook = webhook(null);
        String orderId = orders.create(user, new OrderRequests.Create("Print the *flyers*", "A5, 200", null, null, null)).id();
        JsonNode body = preview(hook.id(), new WebhookPreviews.Request("started", orderId,
                new WebhookRequest.Template("{order.title} started", null, "#{order.id}")));
        JsonNode embed = body.path("embeds").path(0);
        assertEquals("Print the \\*flyers\\* started", embed.path("title").asText(), "the order's text is escaped");
        assertEquals("#" + orderId, embed.path("footer").path("text").asText());
        assertEquals("https://app.example.com/orders/" + orderId, embed.path("url").asText());
        assertEquals(null, webhooks.get(me, hook.id()).template(), "the edited template is not saved");
    }

    @Test
    void withoutATemplateTheStandardEmbedAndADeletedOrderHasNoButton() {
        WebhookView hook = webhook(null);
        JsonNode created = preview(hook.id(), new WebhookPreviews.Request("created", null, null));
        assertTrue(created.path("embeds").path(0).path("title").asText().contains("Sample order"), created.toString());
        JsonNode deleted = preview(hook.id(), new WebhookPreviews.Request("deleted", null, null));
        assertFalse(deleted.has("components"), deleted.toString());
        for (String kind : List.of("updated", "failed", "ready", "blocked")) {
            assertEquals(1, preview(hook.id(), new WebhookPreviews.Request(kind, null, null)).path("embeds").size(), kind);
        }
    }

    @Test
    void aTemplateOfEmptyPartsPreviewsTheStandardEmbedAsSavingItWouldRemoveTheTemplate() {
        WebhookView hook = webhook(new WebhookRequest.Template("{event}!", null, null));
        JsonNode saved = preview(hook.id(), new WebhookPreviews.Request("created", null, null));
        assertEquals("created!", saved.path("embeds").path(0).path("title").asText());
        JsonNode cleared = preview(hook.id(), new WebhookPreviews.Request("created", null, new WebhookRequest.Template("", null, "")));
        assertTrue(cleared.path("embeds").path(0).path("title").asText().contains("Sample order"), cleared.toString());
        assertTrue(cleared.path("embeds").path(0).path("fields").size() > 0, cleared.toString());
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsRead() {
        WebhookView hook = webhook(null);
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> previews.preview(me, hook.id(), new WebhookPreviews.Request("exploded", null, null)));
        assertTrue(unknown.getMessage().contains("'exploded'"), unknown.getMessage());
        assertThrows(InvalidInputException.class, () -> previews.preview(me, hook.id(), new WebhookPreviews.Request(null, null, null)));
        assertThrows(InvalidTemplateException.class, () -> previews.preview(me, hook.id(),
                new WebhookPreviews.Request("created", null, new WebhookRequest.Template("{order.titel}", null, null))));
        assertThrows(IntegrationNotFoundException.class,
                () -> previews.preview(me, "wh_000000000000000000000999", new WebhookPreviews.Request("created", null, null)));
        assertThrows(OrderNotFoundException.class, () -> previews.preview(me, hook.id(),
                new WebhookPreviews.Request("created", "01JDQ8X3V7M2K9P4R6T8W0Y2A4", null)));
        Access stranger = new Access("ws_0123456789abcdef01234567", user, Role.VIEWER);
        assertThrows(IntegrationNotFoundException.class, () -> previews.preview(stranger, hook.id(),
                new WebhookPreviews.Request("created", null, null)), "another workspace's webhook is not found");
    }
}
