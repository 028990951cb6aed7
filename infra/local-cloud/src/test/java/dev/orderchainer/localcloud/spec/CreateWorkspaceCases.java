package dev.orderchainer.localcloud.spec;

import static dev.orderchainer.local.JsonText.json;

import dev.orderchainer.workspaces.domain.WorkspaceService;
import java.util.List;

class CreateWorkspaceCases implements OperationCases {
    @Override
    public String operationId() {
        return "createWorkspace";
    }

    @Override
    public Sample sample() {
        return new Sample("/api/workspaces", json("name", "Spec team"));
    }

    @Override
    public void provoke(SpecApi api, SpecFixtures fixtures) throws Exception {
        SpecFixtures.Person owner = fixtures.person();
        api.json(operationId(), "/api/workspaces", owner.token(), json("name", "Spec team"));
        api.json(operationId(), "/api/workspaces", owner.token(), json("name", "x".repeat(101)));
        api.json(operationId(), "/api/workspaces", fixtures.tokenWithoutAccount(), json("name", "Nobody's"));
        for (int i = 1; i < WorkspaceService.MAX_WORKSPACES; i++) {
            api.json(operationId(), "/api/workspaces", owner.token(), json("name", "Team " + i));
        }
        api.json(operationId(), "/api/workspaces", owner.token(), json("name", "One too many"));
    }

    @Override
    public Budgeted budgeted(SpecApi api, SpecFixtures fixtures) throws Exception {
        // The session check, the account (its username for the member), the count of its workspaces, the workspace with its owner.
        return new Budgeted("/api/workspaces", fixtures.person().token(), json("name", "Budget"),
                List.of("GetItem", "GetItem", "Query", "TransactWriteItems"));
    }
}
