package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.LimitExceededException;
import java.util.Map;

public final class TooManyWorkspacesException extends LimitExceededException {
    public TooManyWorkspacesException(int max) {
        super("You can belong to at most " + max + " workspaces besides your personal one", Map.of("max_workspaces", max));
    }
}
