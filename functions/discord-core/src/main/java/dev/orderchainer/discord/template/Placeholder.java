package dev.orderchainer.discord.template;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The names a message template may use, each written in braces ({@code {order.title}}). There is nothing else to
 * the language: no expressions, conditions, loops or filters, so a template can only place these values.
 */
public enum Placeholder {
    ORDER_TITLE("order.title", Kind.USER_TEXT),
    ORDER_ID("order.id", Kind.USER_TEXT),
    ORDER_URL("order.url", Kind.LINK),
    ORDER_STATUS("order.status", Kind.USER_TEXT),
    ORDER_OLD_STATUS("order.old_status", Kind.USER_TEXT),
    ORDER_DESCRIPTION("order.description", Kind.USER_TEXT),
    ORDER_ASSIGNEE("order.assignee", Kind.USER_TEXT),
    ACTOR("actor", Kind.USER_TEXT),
    WORKSPACE("workspace", Kind.USER_TEXT),
    EVENT("event", Kind.USER_TEXT),
    CHANGED("changed", Kind.USER_TEXT);

    /** How a value is made safe where it lands: text is escaped for Discord's markdown, a link kept usable as one. */
    enum Kind { USER_TEXT, LINK }

    private final String wire;
    private final Kind kind;

    Placeholder(String wire, Kind kind) {
        this.wire = wire;
        this.kind = kind;
    }

    /** The name as written in a template, without braces. */
    public String wire() {
        return wire;
    }

    Kind kind() {
        return kind;
    }

    public static Optional<Placeholder> of(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(wire)).findFirst();
    }

    /** "{order.title}, {order.id}, …": for messages naming what a template may use. */
    public static String known() {
        return Arrays.stream(values()).map(p -> "{" + p.wire + "}").collect(Collectors.joining(", "));
    }
}
