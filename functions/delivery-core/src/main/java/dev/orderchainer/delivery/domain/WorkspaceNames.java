package dev.orderchainer.delivery.domain;

import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.workspaces.domain.Workspace;
import dev.orderchainer.workspaces.domain.WorkspaceStore;

/** A workspace's name as a template's {workspace} shows it (events carry only the id). */
public interface WorkspaceNames {
    String of(String workspaceId);

    /** A team's name as stored ("" once it is gone); a personal workspace is "Personal", as the API names it. */
    static WorkspaceNames of(WorkspaceStore workspaces) {
        return workspaceId -> TableKeys.isTeamWorkspace(workspaceId)
                ? workspaces.workspace(workspaceId).map(Workspace::name).orElse("") : Workspace.PERSONAL_NAME;
    }
}
