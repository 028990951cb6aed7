package dev.orderchainer.common.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The stream tells items apart by their keys only: a partition must lead back to its workspace. */
class TableKeysTest {
    @Test
    void aWorkspacesPartitionLeadsBackToTheWorkspace() {
        for (String workspaceId : new String[] {"ws_0123456789abcdef01234567", "u_ada"}) {
            assertEquals(workspaceId, TableKeys.workspaceOfPartition(TableKeys.workspacePartition(workspaceId)));
        }
        assertEquals("USER#u_ada", TableKeys.workspacePartition("u_ada"), "the personal workspace is the user's partition");
    }

    @Test
    void partitionsOfNoWorkspaceLeadNowhere() {
        assertNull(TableKeys.workspaceOfPartition("EMAIL#ada@example.com"));
        assertNull(TableKeys.workspaceOfPartition(TableKeys.activityPartition("ws_0123456789abcdef01234567")));
        assertNull(TableKeys.workspaceOfPartition("WS#other"));
    }
}
