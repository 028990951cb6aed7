package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class UpdateWorkspaceDiscordWebhookCases implements OperationCases {
    @Override
    public String operationId() {
        return "updateWorkspaceDiscordWebhook";
    }

    @Override
    public Sample sample() {
        return new Sample(WorkspaceOrderCases.SAMPLE_WEBHOOK, json("name", "Releases"));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String admin = team.admin().token();
        String hook = team.addWebhook(api, fixtures, "First");
        api.json(operationId(), team.webhooks() + "/" + WorkspaceOrderCases.NO_WEBHOOK, admin, json("name", "Renamed"));
        api.json(operationId(), hook, team.member().token(), json("name", "A member's"));
        api.json(operationId(), hook, admin, "{\"events\":[\"completed\"],\"template\":{\"title\":\"{order.title} done\"}}");
        api.json(operationId(), hook, admin, "{\"template\":{\"title\":\"{nope}\"}}");
        String gone = fixtures.webhook();
        fixtures.discord().forgetWebhook(gone);
        api.json(operationId(), hook, admin, json("webhook_url", SpecFixtures.webhookUrl(gone)));
        fixtures.discordFailsOnce();
        api.json(operationId(), hook, admin, json("webhook_url", SpecFixtures.webhookUrl(fixtures.webhook())));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        team.addWebhook(api, fixtures, "First");
        String second = team.addWebhook(api, fixtures, "Second");
        // The caller's member item with the session check, the webhook, the new version.
        return new Budgeted(second, team.admin().token(), json("name", "Budget"), List.of("BatchGetItem", "BatchGetItem", "PutItem"));
    }
}
