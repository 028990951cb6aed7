package dev.orderchainer.workspaces.domain;

/**
 * The permission table: every thing a workspace lets its members do, with the lowest role that may
 * do it. Nothing else decides what a role may do; handlers name the action, {@link Access#require} checks it.
 */
public enum Action {
    READ(Role.VIEWER, "read orders, the graph, members, invitations, activity and Discord settings (masked)"),
    EDIT_ORDERS(Role.MEMBER, "create, edit, move and assign orders"),
    DELETE_OWN_ORDER(Role.MEMBER, "delete orders it created"),
    DELETE_ANY_ORDER(Role.ADMIN, "delete any order"),
    RENAME_WORKSPACE(Role.ADMIN, "rename the workspace"),
    MANAGE_MEMBERS(Role.ADMIN, "change members' roles (up to admin) and remove members"),
    MANAGE_INVITATIONS(Role.ADMIN, "invite (up to admin) and revoke invitations"),
    MANAGE_DISCORD(Role.ADMIN, "set up, change, test and remove the Discord integration"),
    GRANT_OWNER(Role.OWNER, "grant or take the owner role, invite owners, remove owners"),
    DELETE_WORKSPACE(Role.OWNER, "delete the workspace");

    private final Role minimum;
    private final String meaning;

    Action(Role minimum, String meaning) {
        this.minimum = minimum;
        this.meaning = meaning;
    }

    /** The lowest role that may do this. */
    public Role minimum() {
        return minimum;
    }

    /** What it lets a member do, in words (the README prints the table). */
    public String meaning() {
        return meaning;
    }

    public boolean allows(Role role) {
        return role.includes(minimum);
    }
}
