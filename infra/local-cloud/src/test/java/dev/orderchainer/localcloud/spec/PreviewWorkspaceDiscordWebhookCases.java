package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import java.util.List;

class PreviewWorkspaceDiscordWebhookCases implements OperationCases {
    @Override
    public String operationId() {
        return "previewWorkspaceDiscordWebhook";
    }

    @Override
    public Sample sample() {
        return new Sample(WorkspaceOrderCases.SAMPLE_WEBHOOK + "/preview", json("event", "completed"));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String admin = team.admin().token();
        String hook = team.addWebhook(api, fixtures, "First");
        String order = team.order(api, fixtures, "Print the labels");
        api.json(operationId(), hook + "/preview", team.viewer().token(), json("event", "completed"));
        api.json(operationId(), hook + "/preview", admin, "{\"event\":\"blocked\",\"order_id\":\"" + order
                + "\",\"template\":{\"title\":\"{order.title} in {workspace}\",\"footer\":\"{actor}\"}}");
        api.json(operationId(), hook + "/preview", admin, json("event", "exploded"));
        api.json(operationId(), hook + "/preview", admin, "{\"event\":\"created\",\"template\":{\"title\":\"{order.titel}\"}}");
        api.json(operationId(), hook + "/preview", admin, "{\"event\":\"created\",\"order_id\":\"01JDQ8X3V7M2K9P4R6T8W0Y2A4\"}");
        api.json(operationId(), team.webhooks() + "/" + WorkspaceOrderCases.NO_WEBHOOK + "/preview", admin, json("event", "created"));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        WorkspaceOrderCases.Team team = WorkspaceOrderCases.team(api, fixtures);
        String hook = team.addWebhook(api, fixtures, "First");
        // The caller's member item with the session check, the webhook, the caller's name, the workspace's name.
        return new Budgeted(hook + "/preview", team.viewer().token(), json("event", "completed"),
                List.of("BatchGetItem", "BatchGetItem", "BatchGetItem", "GetItem"));
    }
}
