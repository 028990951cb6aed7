package dev.orderchainer.workspaces.store;

import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.workspaces.domain.Invitation;
import dev.orderchainer.workspaces.domain.Member;
import dev.orderchainer.workspaces.domain.Role;
import dev.orderchainer.workspaces.domain.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stored form of workspaces, members and a user's memberships, both ways. */
public final class WorkspaceItems {
    public static final String NAME = "name";
    public static final String MEMBER_COUNT = "member_count";
    /** Kept beside the member count so "at least one owner" can be a write condition. */
    public static final String OWNER_COUNT = "owner_count";
    public static final String ROLE = "role";
    public static final String WORKSPACE_ID = "workspace_id";
    public static final String USER_ID = "user_id";
    public static final String EXPIRES_AT = "expires_at";

    private WorkspaceItems() {}

    static Map<String, AttributeValue> workspace(Workspace workspace, int owners) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.workspace(workspace.id()));
        item.put("entity", s("workspace"));
        item.put("id", s(workspace.id()));
        item.put(NAME, s(workspace.name()));
        item.put(MEMBER_COUNT, n(workspace.memberCount()));
        item.put(OWNER_COUNT, n(owners));
        item.put("created_at", s(workspace.createdAt().toString()));
        return item;
    }

    /** A workspace item as the workspace. */
    public static Workspace workspace(Map<String, AttributeValue> item) {
        return new Workspace(item.get("id").s(), item.get(NAME).s(), false, Integer.parseInt(item.get(MEMBER_COUNT).n()),
                Instant.parse(item.get("created_at").s()));
    }

    static Map<String, AttributeValue> member(Member member) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.member(member.workspaceId(), member.userId()));
        item.put("entity", s("member"));
        item.put(WORKSPACE_ID, s(member.workspaceId()));
        item.put(USER_ID, s(member.userId()));
        item.put("username", s(member.username()));
        item.put(ROLE, s(member.role().wire()));
        item.put("joined_at", s(member.joinedAt().toString()));
        return item;
    }

    /** A member item (null for none) as a member. */
    public static Member member(Map<String, AttributeValue> item) {
        return new Member(item.get(WORKSPACE_ID).s(), item.get(USER_ID).s(), item.get("username").s(), role(item),
                Instant.parse(item.get("joined_at").s()));
    }

    static Map<String, AttributeValue> membership(Member member) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.membership(member.userId(), member.workspaceId()));
        item.put("entity", s("membership"));
        item.put(WORKSPACE_ID, s(member.workspaceId()));
        return item;
    }

    static Map<String, AttributeValue> invitation(Invitation invitation) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.invitation(invitation.workspaceId(), invitation.id()));
        item.put("entity", s("invitation"));
        item.put("id", s(invitation.id()));
        item.put(WORKSPACE_ID, s(invitation.workspaceId()));
        item.put("email", s(invitation.email()));
        item.put(ROLE, s(invitation.role().wire()));
        item.put("invited_by", s(invitation.invitedBy()));
        item.put("created_at", s(invitation.createdAt().toString()));
        item.put("valid_until", s(invitation.expiresAt().toString()));
        // The table's TTL attribute: gone a day after it stops working (the condition on valid_until decides).
        item.put(EXPIRES_AT, n(invitation.expiresAt().plus(Duration.ofDays(1)).getEpochSecond()));
        item.put("token_hash", s(invitation.tokenHash()));
        return item;
    }

    /** An invitation item as the invitation. */
    public static Invitation invitation(Map<String, AttributeValue> item) {
        return new Invitation(item.get("id").s(), item.get(WORKSPACE_ID).s(), item.get("email").s(), role(item), item.get("invited_by").s(),
                Instant.parse(item.get("created_at").s()), Instant.parse(item.get("valid_until").s()), item.get("token_hash").s());
    }

    private static Role role(Map<String, AttributeValue> item) {
        return Role.parse(item.get(ROLE).s()).orElseThrow(() -> new IllegalStateException("unknown role " + item.get(ROLE).s()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
