package dev.orderchainer.workspaces.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A member's role in a workspace; each includes every role below it. */
public enum Role {
    VIEWER, MEMBER, ADMIN, OWNER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes {@code other} (an admin may do all a member may). */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
    }

    /** The wire names, lowest first, for messages and the description. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Role::wire).toList());
    }
}
