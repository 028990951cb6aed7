package dev.orderchainer.workspaces.domain;

/** The API's workspace, as the caller sees it: with the caller's role. */
public record WorkspaceView(String id, String name, boolean personal, Role role, int memberCount, String createdAt) {
    static WorkspaceView of(Workspace workspace, Role role) {
        return new WorkspaceView(workspace.id(), workspace.name(), workspace.personal(), role, workspace.memberCount(),
                workspace.createdAt().toString());
    }
}
