package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.io.IOException;
import java.util.List;

/** What the cases of the workspace order and Discord routes share: a team with one member of each role, and its orders' URL. */
final class WorkspaceOrderCases {
    private WorkspaceOrderCases() {}

    /** A new workspace with an owner, admin, member and viewer (in that order) and the URL of its orders. */
    record Team(List<SpecFixtures.Person> people, String workspaceId) {
        SpecFixtures.Person owner() {
            return people.get(0);
        }

        SpecFixtures.Person member() {
            return people.get(2);
        }

        SpecFixtures.Person viewer() {
            return people.get(3);
        }

        SpecFixtures.Person admin() {
            return people.get(1);
        }

        String discord() {
            return "/api/workspaces/" + workspaceId + "/discord";
        }

        /** Connects the workspace to a webhook the cloud's Discord knows, as its admin. */
        void connectDiscord(SpecApi api, SpecFixtures fixtures) throws IOException {
            api.json("createWorkspaceDiscordIntegration", discord(), admin().token(),
                    json("webhook_url", SpecFixtures.webhookUrl(fixtures.webhook())));
        }

        String webhooks() {
            return discord() + "/webhooks";
        }

        /** Adds a webhook the cloud's Discord knows, as its admin; its URL. */
        String addWebhook(SpecApi api, SpecFixtures fixtures, String name) throws IOException {
            return webhooks() + "/" + api.json("createWorkspaceDiscordWebhook", webhooks(), admin().token(),
                    "{\"name\":\"" + name + "\",\"webhook_url\":\"" + SpecFixtures.webhookUrl(fixtures.webhook()) + "\"}").path("id").asText();
        }

        String orders() {
            return "/api/workspaces/" + workspaceId + "/orders";
        }

        /** An order the member made; its id. */
        String order(SpecApi api, SpecFixtures fixtures, String title) throws IOException {
            return fixtures.workspaceOrder(api, member().token(), workspaceId, json("title", title));
        }
    }

    static Team team(SpecApi api, SpecFixtures fixtures) throws IOException {
        List<SpecFixtures.Person> people = fixtures.teamOfEachRole(api, "Spec team");
        return new Team(people, fixtures.lastWorkspace());
    }

    static final String SAMPLE_WORKSPACE = "ws_000000000000000000000000";
    static final String SAMPLE_WEBHOOK = "/api/workspaces/" + SAMPLE_WORKSPACE + "/discord/webhooks/wh_000000000000000000000000";
    /** A well-formed id no webhook has. */
    static final String NO_WEBHOOK = "wh_00000000000000000000dead";
}
