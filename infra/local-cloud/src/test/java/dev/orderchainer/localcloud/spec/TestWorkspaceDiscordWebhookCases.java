package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class TestWorkspaceDiscordWebhookCases implements OperationCases {
    @Override
    public String operationId() {
        return "testWorkspaceDiscordWebhook";
    }

    @Override
    public Sample sample() {
        return new Sample(WorkspaceOrderCases.SAMPLE_WEBHOOK + "/test", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String admin = team.admin().token();
        api.json(operationId(), team.webhooks() + "/" + WorkspaceOrderCases.NO_WEBHOOK + "/test", admin, null);
        String discordId = fixtures.webhook();
        String hook = team.webhooks() + "/" + api.json("createWorkspaceDiscordWebhook", team.webhooks(), admin,
                json("webhook_url", SpecFixtures.webhookUrl(discordId))).path("id").asText();
        api.json(operationId(), hook + "/test", team.member().token(), null);
        api.json(operationId(), hook + "/test", admin, null);
        fixtures.discord().forgetWebhook(discordId);
        api.json(operationId(), hook + "/test", admin, null);
        api.json(operationId(), hook + "/test", admin, null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String hook = team.addWebhook(api, fixtures, "First");
        // The caller's member item with the session check, the webhook (then Discord).
        return new Budgeted(hook + "/test", team.admin().token(), null, List.of("BatchGetItem", "BatchGetItem"));
    }
}
