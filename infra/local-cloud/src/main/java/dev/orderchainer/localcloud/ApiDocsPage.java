package dev.orderchainer.localcloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The Swagger UI page of the local cloud at /docs: our page and init script, Swagger UI's own
 * files from its webjar on the classpath, so the page works with no network.
 */
final class ApiDocsPage {
    static final String PATH = "/docs";
    private static final String OWN = "/dev/orderchainer/localcloud/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png");
    /** Only these are served: our two files and the Swagger UI files they load. */
    private static final Map<String, String> FILES = Map.of(
            "/docs", OWN + "docs.html",
            "/docs/", OWN + "docs.html",
            "/docs/docs-init.js", OWN + "docs-init.js",
            "/docs/swagger-ui.css", "swagger-ui.css",
            "/docs/swagger-ui-bundle.js", "swagger-ui-bundle.js",
            "/docs/favicon-32x32.png", "favicon-32x32.png");
    private final String webjarDir;

    ApiDocsPage() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocsPage.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.webjarDir = "/META-INF/resources/webjars/swagger-ui/" + properties.getProperty("version") + "/";
    }

    record Asset(String contentType, byte[] body) {}

    /** The file for a request path, or empty when the path is not one of the page's files. */
    Optional<Asset> asset(String path) {
        String file = FILES.get(path);
        if (file == null) {
            return Optional.empty();
        }
        String resource = file.startsWith("/") ? file : webjarDir + file;
        try (InputStream in = ApiDocsPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            return Optional.of(new Asset(TYPES.get(extension), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
