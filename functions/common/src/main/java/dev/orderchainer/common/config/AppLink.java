package dev.orderchainer.common.config;

import dev.orderchainer.common.table.AppUrlItem;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A link into the web app as configured, such as {@code {app_url}/orders/{id}}. {@code {app_url}} is the
 * app's base URL, read from the table (never at start: when a link is first made, then every
 * APP_URL_MAX_AGE_SECONDS, 300) with the function's own DynamoDB client: on AWS the stack's AppUrl resource
 * writes it once the CloudFront distribution exists (template.yaml, AppUrl). A template without it (the local
 * cloud's) is used as it is.
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
            throw new ConfigurationException("the link '" + template + "' names " + APP_URL + " but no table to read it from");
        });
    }

    /** A link from configuration: one naming {@code {app_url}} reads it from TABLE_NAME's AppUrl item. */
    public static AppLink of(String template, Env env, Supplier<DynamoDbClient> dynamoDb) {
        if (template == null || !template.contains(APP_URL)) {
            return fixed(template);
        }
        String table = env.required("TABLE_NAME");
        return new AppLink(template, new CachedValue<>("the web app's URL", () -> new AppUrlItem(dynamoDb.get(), table).read()
                .orElseThrow(() -> new ConfigurationException("table " + table + " holds no web app URL: the stack's AppUrl resource writes it")),
                Duration.ofSeconds(env.integer("APP_URL_MAX_AGE_SECONDS", 300, 0, 86_400)), Clock.systemUTC()));
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
