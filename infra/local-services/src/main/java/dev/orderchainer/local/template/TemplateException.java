package dev.orderchainer.local.template;

/** template.yaml uses something the local cloud cannot honour, or is malformed. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
