package dev.orderchainer.discord.domain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderchainer.common.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * A button that opens a page (Discord's link button: no interaction reaches us). A webhook we do not own may post
 * such buttons only with {@code ?with_components=true}; Discord ignores them otherwise.
 */
public record LinkButton(String label, String url) {
    /** Discord's limits: a label of at most 80 characters, a URL of at most 512, 5 buttons per row, 5 rows. */
    public static final int LABEL = 80;
    public static final int URL = 512;
    public static final int PER_ROW = 5;
    public static final int ROWS = 5;

    /** The button, its label cut to Discord's limit; none for a URL Discord would refuse (not http(s), too long). */
    public static Optional<LinkButton> of(String label, String url) {
        if (url == null || url.length() > URL || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return Optional.empty();
        }
        return Optional.of(new LinkButton(DiscordLimits.truncate(label, LABEL), url));
    }

    /** Action rows holding the buttons in order, as many as Discord allows (25); empty for none. */
    static ArrayNode rows(List<LinkButton> buttons) {
        ArrayNode rows = Json.mapper().createArrayNode();
        ArrayNode row = null;
        for (LinkButton button : buttons.subList(0, Math.min(buttons.size(), PER_ROW * ROWS))) {
            if (row == null || row.size() == PER_ROW) {
                row = rows.addObject().put("type", 1).putArray("components");
            }
            ObjectNode component = row.addObject();
            component.put("type", 2).put("style", 5).put("label", button.label()).put("url", button.url());
        }
        return rows;
    }
}
