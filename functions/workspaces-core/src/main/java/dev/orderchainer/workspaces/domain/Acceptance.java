package dev.orderchainer.workspaces.domain;

/** What accepting an invitation made the caller: a member of this workspace with this role. */
public record Acceptance(String workspaceId, Role role) {}
