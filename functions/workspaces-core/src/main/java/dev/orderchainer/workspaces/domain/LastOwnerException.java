package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.ConflictException;
import java.util.Map;

/** A workspace always keeps at least one owner. */
public final class LastOwnerException extends ConflictException {
    public LastOwnerException() {
        super("A workspace keeps at least one owner: make another member owner first", Map.of());
    }
}
