package dev.orderchainer.discord.template;

import java.util.EnumMap;
import java.util.Map;

/** What one event fills a template's placeholders with; a value not given renders as nothing. */
public final class TemplateValues {
    private final Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);

    public TemplateValues with(Placeholder placeholder, String value) {
        if (value != null) {
            values.put(placeholder, value);
        }
        return this;
    }

    String get(Placeholder placeholder) {
        return values.getOrDefault(placeholder, "");
    }
}
