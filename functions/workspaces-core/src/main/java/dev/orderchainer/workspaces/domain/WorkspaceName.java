package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.text.InvalidTextException;
import dev.orderchainer.common.text.Text;

/** The rule for a workspace's name: one line, trimmed, 1 to {@link #MAX_LENGTH} characters. */
public final class WorkspaceName {
    public static final int MAX_LENGTH = 100;

    private WorkspaceName() {}

    public static String of(String value) {
        if (value == null) {
            throw new InvalidTextException("name", "is required");
        }
        return Text.singleLine("name", value, MAX_LENGTH);
    }
}
