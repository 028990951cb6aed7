package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class CreateWorkspaceDiscordWebhookCases implements OperationCases {
    @Override
    public String operationId() {
        return "createWorkspaceDiscordWebhook";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/" + WorkspaceOrderCases.SAMPLE_WORKSPACE + "/discord/webhooks",
                json("webhook_url", SpecFixtures.webhookUrl("14000000000000000001")));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String admin = team.admin().token();
        String hook = json("webhook_url", SpecFixtures.webhookUrl(fixtures.webhook()));
        String gone = fixtures.webhook();
        fixtures.discord().forgetWebhook(gone);
        api.json(operationId(), team.webhooks(), team.member().token(), hook);
        api.json(operationId(), team.webhooks(), fixtures.person().token(), hook);
        api.json(operationId(), team.webhooks(), admin, "{\"webhook_url\":\"" + SpecFixtures.webhookUrl(fixtures.webhook())
                + "\",\"events\":[\"exploded\"]}");
        api.json(operationId(), team.webhooks(), admin, "{\"webhook_url\":\"" + SpecFixtures.webhookUrl(fixtures.webhook())
                + "\",\"template\":{\"title\":\"{order.titel}\"}}");
        api.json(operationId(), team.webhooks(), admin, json("webhook_url", SpecFixtures.webhookUrl(gone)));
        fixtures.discordFailsOnce();
        api.json(operationId(), team.webhooks(), admin, hook);
        for (int i = 0; i < 10; i++) {
            api.json(operationId(), team.webhooks(), admin, "{\"name\":\"Hook " + i + "\",\"webhook_url\":\""
                    + SpecFixtures.webhookUrl(fixtures.webhook()) + "\",\"events\":[\"completed\",\"failed\"],"
                    + "\"thread_id\":\"1187654321098765000\"}");
        }
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        team.addWebhook(api, fixtures, "First");
        // The caller's member item with the session check, its verified email, the webhooks, the new one with the count.
        return new Budgeted(team.webhooks(), team.admin().token(), json("webhook_url", SpecFixtures.webhookUrl(fixtures.webhook())),
                List.of("BatchGetItem", "GetItem", "Query", "TransactWriteItems"));
    }
}
