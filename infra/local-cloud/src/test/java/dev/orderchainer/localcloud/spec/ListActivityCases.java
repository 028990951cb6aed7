package dev.orderchainer.localcloud.spec;

import java.util.List;

class ListActivityCases implements OperationCases {
    @Override
    public String operationId() {
        return "listActivity";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces/ws_000000000000000000000000/activity", null);
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        List<SpecFixtures.Person> team = fixtures.teamOfEachRole(api, "Spec team");
        String activity = "/api/workspaces/" + fixtures.lastWorkspace() + "/activity";
        SpecFixtures.Person viewer = team.get(3);
        api.json(operationId(), activity, viewer.token(), null);
        api.json(operationId(), activity + "?limit=1", viewer.token(), null);
        api.json(operationId(), activity + "?limit=0", viewer.token(), null);
        api.json(operationId(), activity + "?cursor=bm90IGEgY3Vyc29y", viewer.token(), null);
        api.json(operationId(), activity + "?order_id=" + SpecFixtures.UNKNOWN_ORDER, viewer.token(), null);
        api.json(operationId(), activity + "?order_id=a%23b", viewer.token(), null);
        api.json(operationId(), activity + "?since=yesterday", viewer.token(), null);
        api.json(operationId(), "/api/workspaces/" + viewer.userId() + "/activity", viewer.token(), null);
        api.json(operationId(), activity, fixtures.person().token(), null);
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        String workspace = fixtures.workspace(api, owner, "Budget");
        // The caller's member item with the session check, then one page of the log.
        return new Budgeted("/api/workspaces/" + workspace + "/activity", owner.token(), null, List.of("BatchGetItem", "Query"));
    }
}
