package dev.orderchainer.common.config;

import dev.orderchainer.common.aws.CachedSecretValue;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A link into the web app as configured, such as {@code {app_url}/orders/{id}}. {@code {app_url}} is the
 * app's base URL, read when a link is first made (never at start) from the secret APP_URL_SECRET names:
 * on AWS the stack writes it once the CloudFront distribution exists (template.yaml, AppUrlSecret). A
 * template without it (the local cloud's) is used as it is.
 */
public final class AppLink {
    public static final String APP_URL = "{app_url}";
    private final String template;
    private final Supplier<String> appUrl;

    public AppLink(String template, Supplier<String> appUrl) {
        this.template = template == null ? "" : template;
        this.appUrl = Objects.requireNonNull(appUrl);
    }

    /** A link that names no {@code {app_url}}. */
    public static AppLink fixed(String template) {
        return new AppLink(template, () -> {
            throw new ConfigurationException("the link '" + template + "' names " + APP_URL + " but no APP_URL_SECRET is set");
        });
    }

    /** A link from configuration: one naming {@code {app_url}} reads it from the secret APP_URL_SECRET names. */
    public static AppLink of(String template, Env env) {
        if (template == null || !template.contains(APP_URL)) {
            return fixed(template);
        }
        return new AppLink(template, CachedSecretValue.fromEnvironment(env, env.required("APP_URL_SECRET")));
    }

    /** The template with the app's base URL in place (without a trailing slash). */
    public String resolved() {
        if (!template.contains(APP_URL)) {
            return template;
        }
        String base = appUrl.get().strip();
        return template.replace(APP_URL, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }
}
