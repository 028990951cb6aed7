package dev.orderchainer.orders.domain;

import dev.orderchainer.common.domain.InvalidInputException;

/** An order is assigned to a member of its workspace or to nobody. */
public final class AssigneeNotAMemberException extends InvalidInputException {
    public AssigneeNotAMemberException(String assignee) {
        super("Field 'assignee' must be the user id of a member of this workspace (or null to unassign); " + assignee + " is not one",
                "assignee");
    }
}
