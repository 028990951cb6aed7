package dev.orderchainer.workspaces.domain;

/** A workspace as one of its members sees it in the list of their workspaces. */
public record Membership(Workspace workspace, Role role) {}
