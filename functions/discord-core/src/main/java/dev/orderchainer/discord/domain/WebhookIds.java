package dev.orderchainer.discord.domain;

import dev.orderchainer.common.table.TableKeys;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Webhook ids: {@code wh_} and 24 random hex digits, or the original webhook's fixed id; only these become keys. */
public final class WebhookIds {
    private static final Pattern FORMAT = Pattern.compile("^wh_[0-9a-f]{24}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookIds() {}

    public static String next() {
        byte[] bits = new byte[12];
        RANDOM.nextBytes(bits);
        return "wh_" + HexFormat.of().formatHex(bits);
    }

    /** Whether {@code id} can name a webhook (anything else names none: a 404 without a read). */
    public static boolean isWebhookId(String id) {
        return id != null && (FORMAT.matcher(id).matches() || TableKeys.ORIGINAL_WEBHOOK_ID.equals(id));
    }
}
