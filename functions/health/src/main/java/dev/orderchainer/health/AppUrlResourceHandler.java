package dev.orderchainer.health;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.CustomResourceHandler;
import dev.orderchainer.common.table.AppUrlItem;
import java.net.URI;
import java.util.Map;

/**
 * The stack's Custom::AppUrl resource: keeps the web app's base URL (property Url: AppUrl, or the CloudFront
 * distribution's address) in the table, where the functions that make links read it (AppLink). Create and Update
 * write it, Delete removes it. TableName must be the table TABLE_NAME names: the only one it may write. Deployed
 * from the health package, the stack's smallest, since it needs nothing but the table.
 */
public final class AppUrlResourceHandler extends CustomResourceHandler<HealthComponents> {
    static final String PHYSICAL_ID = "app-url";

    public AppUrlResourceHandler() {
        this(System.getenv());
    }

    public AppUrlResourceHandler(Map<String, String> environment) {
        super(new HealthComponents(new Env(environment)));
    }

    @Override
    protected Result handle(Request request) {
        String table = request.properties().getOrDefault("TableName", "");
        if (!table.equals(components.env().required("TABLE_NAME"))) {
            throw new IllegalArgumentException("TableName '" + table + "' is not the table this function may write (TABLE_NAME)");
        }
        AppUrlItem item = components.appUrl();
        if (request.type().equals("Delete")) {
            item.delete();
        } else {
            item.write(checked(request.properties().get("Url")));
        }
        return new Result(PHYSICAL_ID, Map.of());
    }

    /** An absolute http(s) URL with a host and nothing after the path: links are made by appending to it. */
    static String checked(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Url '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Url '" + url + "' must be an absolute http(s) address without query or fragment,"
                    + " such as https://orders.example.com");
        }
        return uri.toString();
    }
}
