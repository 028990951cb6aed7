package dev.orderchainer.discord.template;

import dev.orderchainer.common.domain.InvalidInputException;

/** A template that cannot be used, named by field and place (line and column, counted in characters from 1). */
public final class InvalidTemplateException extends InvalidInputException {
    public InvalidTemplateException(String field, String reason) {
        super("Field '" + field + "' " + reason, field);
    }
}
