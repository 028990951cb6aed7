package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.LimitExceededException;
import java.util.Map;

public final class TooManyMembersException extends LimitExceededException {
    public TooManyMembersException(int max) {
        super("A workspace has at most " + max + " members", Map.of("max_members", max));
    }
}
