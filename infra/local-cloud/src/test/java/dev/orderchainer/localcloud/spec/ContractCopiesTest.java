package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.discord.domain.DiscordLimits;
import dev.orderchainer.discord.domain.Notifications;
import dev.orderchainer.discord.domain.Webhook;
import dev.orderchainer.discord.domain.WebhookEvent;
import dev.orderchainer.discord.template.Placeholder;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.SamTemplate;
import dev.orderchainer.orders.domain.Order;
import dev.orderchainer.orders.domain.OrderStatus;
import dev.orderchainer.orders.domain.StatusPalette;
import dev.orderchainer.signup.domain.PasswordPolicy;
import dev.orderchainer.workspaces.domain.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What infra/openapi.yaml states about the domain equals the domain: the web app is generated from the description
 * (web/scripts/contract.mjs), so a rule changed in Java and not here fails this test instead of reaching the browser.
 */
class ContractCopiesTest {
    private static final JsonNode SCHEMAS = OpenApiDescription.load().tree().path("components").path("schemas");

    @Test
    void theStatusesAndTheirMovesAreTheDomains() {
        JsonNode status = SCHEMAS.path("Status");
        assertEquals(Stream.of(OrderStatus.values()).map(OrderStatus::wire).toList(), texts(status.path("enum")));
        Map<String, List<String>> moves = new LinkedHashMap<>();
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (OrderStatus from : OrderStatus.values()) {
            moves.put(from.wire(), from.next().stream().map(OrderStatus::wire).sorted().toList());
            documented.put(from.wire(), texts(status.path("x-moves").path(from.wire())).stream().sorted().toList());
        }
        assertEquals(moves, documented);
    }

    @Test
    void theEmbedColoursAreTheStatusPalette() {
        for (OrderStatus status : OrderStatus.values()) {
            assertEquals(StatusPalette.hex(status), SCHEMAS.path("Status").path("x-colours").path(status.wire()).asText(), status.wire());
        }
        assertEquals(OrderStatus.values().length, SCHEMAS.path("Status").path("x-badge-colours").size(), "a badge colour per status");
    }

    @Test
    void theOrderLimitsAreTheDomains() {
        assertEquals(Order.MAX_TITLE, SCHEMAS.path("OrderTitle").path("maxLength").asInt());
        assertEquals(1, SCHEMAS.path("OrderTitle").path("minLength").asInt());
        assertEquals(Order.MAX_DESCRIPTION, SCHEMAS.path("OrderDescription").path("maxLength").asInt());
        assertEquals(Order.MAX_DEPENDENCIES, SCHEMAS.path("OrderDependencies").path("maxItems").asInt());
    }

    @Test
    void thePasswordLengthsAreThePolicysAsDeployed() {
        JsonNode password = SCHEMAS.path("Registration").path("properties").path("password");
        assertEquals(PasswordPolicy.MAX_LENGTH, password.path("maxLength").asInt());
        assertEquals(PasswordPolicy.DEFAULT_MIN_LENGTH, password.path("minLength").asInt());
        for (FunctionDefinition function : SamTemplate.load(ProjectFiles.template()).functions()) {
            Object deployed = function.environment().get("PASSWORD_MIN_LENGTH");
            if (deployed != null) {
                assertEquals(Integer.toString(PasswordPolicy.DEFAULT_MIN_LENGTH), deployed.toString(), function.logicalId());
            }
        }
    }

    @Test
    void theNotificationKindsAreTheIntegrationsToggles() {
        List<String> toggles = Stream.of(Notifications.class.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase()).toList();
        List<String> documented = new ArrayList<>();
        SCHEMAS.path("Notifications").path("properties").fieldNames().forEachRemaining(documented::add);
        assertEquals(toggles, documented);
    }

    @Test
    void theWebhookUsernameLimitIsDiscords() {
        for (String schema : List.of("IntegrationCreate", "IntegrationUpdate")) {
            assertEquals(DiscordLimits.WEBHOOK_USERNAME, SCHEMAS.path(schema).path("properties").path("username").path("maxLength").asInt(),
                    schema);
        }
    }

    @Test
    void theWebhookEventsPlaceholdersAndLimitsAreTheDomains() {
        assertEquals(Stream.of(WebhookEvent.values()).map(WebhookEvent::wire).toList(), texts(SCHEMAS.path("WebhookEvent").path("enum")));
        List<String> placeholders = new ArrayList<>();
        SCHEMAS.path("MessageTemplate").path("x-placeholders").fieldNames().forEachRemaining(placeholders::add);
        assertEquals(Stream.of(Placeholder.values()).map(Placeholder::wire).toList(), placeholders);
        JsonNode parts = SCHEMAS.path("MessageTemplate").path("properties");
        assertEquals(DiscordLimits.EMBED_TITLE, parts.path("title").path("maxLength").asInt());
        assertEquals(DiscordLimits.EMBED_DESCRIPTION, parts.path("description").path("maxLength").asInt());
        assertEquals(DiscordLimits.FOOTER_TEXT, parts.path("footer").path("maxLength").asInt());
        for (String schema : List.of("IntegrationCreate", "IntegrationUpdate")) {
            assertEquals(Webhook.NAME_LENGTH, SCHEMAS.path(schema).path("properties").path("name").path("maxLength").asInt(), schema);
        }
        JsonNode list = OpenApiDescription.load().tree().path("paths").path("/api/workspaces/{wid}/discord/webhooks").path("get")
                .path("responses").path("200").path("content").path("application/json").path("schema").path("properties").path("items");
        assertEquals(Webhook.MAX_PER_WORKSPACE, list.path("maxItems").asInt());
    }

    @Test
    void thePermissionTableIsTheDomainsAndEveryWorkspaceOperationNamesItsAction() {
        Map<String, String> table = new LinkedHashMap<>();
        for (Action action : Action.values()) {
            table.put(action.name().toLowerCase(Locale.ROOT), action.minimum().wire());
        }
        Map<String, String> documented = new LinkedHashMap<>();
        SCHEMAS.path("Role").path("x-permissions").fields().forEachRemaining(e -> documented.put(e.getKey(), e.getValue().asText()));
        assertEquals(table, documented);
        int named = 0;
        for (OpenApiDescription.Operation operation : OpenApiDescription.load().operations().values()) {
            String permission = operation.permission();
            if (operation.path().startsWith("/api/workspaces/{wid}")) {
                assertTrue(table.containsKey(permission), operation + " names the action it needs (x-permission): " + permission);
                named++;
            } else {
                assertEquals(null, permission, operation + " is not a workspace's operation");
            }
        }
        assertTrue(named >= 21, "the workspace operations: " + named);
    }
}
