package dev.orderchainer.orders.domain;

import java.util.Locale;

/** One colour per status wherever orders are drawn: Discord embeds, Mermaid and DOT graphs (the web app mirrors it in CSS). */
public final class StatusPalette {
    /** Pending, and anything without a status (a deleted order). */
    public static final int GREY = 0x95A5A6;

    private StatusPalette() {}

    public static int rgb(OrderStatus status) {
        if (status == null) {
            return GREY;
        }
        return switch (status) {
            case ACTIVE -> 0x3498DB;
            case COMPLETED -> 0x2ECC71;
            case FAILED -> 0xE74C3C;
            case PENDING -> GREY;
        };
    }

    /** As "#rrggbb". */
    public static String hex(OrderStatus status) {
        return String.format(Locale.ROOT, "#%06x", rgb(status));
    }
}
