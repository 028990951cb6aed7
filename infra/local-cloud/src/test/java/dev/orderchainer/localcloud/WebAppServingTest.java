package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.ProjectFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local cloud serves the built web app on the API's origin, as CloudFront does, and its links point there. */
class WebAppServingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        assertTrue(Files.isRegularFile(ProjectFiles.root().resolve("web/dist/index.html")),
                "web/dist is built by the web module before this one: run Maven from the project root");
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).header("accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesTheBrowserAsksForGetTheAppUnderTheContentSecurityPolicy() throws Exception {
        for (String page : new String[] {"/", "/login", "/orders/01JDQ8X3V7M2K9P4R6T8W0Y2A4", "/verify-email?token=abc"}) {
            HttpResponse<String> answer = get(page, "text/html,application/xhtml+xml;q=0.9");
            assertEquals(200, answer.statusCode(), page);
            assertTrue(answer.body().contains("<div id=\"app\"></div>"), page);
            assertEquals("text/html; charset=utf-8", answer.headers().firstValue("content-type").orElseThrow());
            assertTrue(answer.headers().firstValue("content-security-policy").orElseThrow().startsWith("default-src 'self'"));
            assertEquals("no-cache", answer.headers().firstValue("cache-control").orElseThrow());
        }
    }

    @Test
    void assetsAreServedWithTheirTypeAndCachedForever() throws Exception {
        String index = get("/", "text/html").body();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertTrue(script.find(), index);
        HttpResponse<String> js = get(script.group(1), "*/*");
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("content-type").orElseThrow());
        assertTrue(js.headers().firstValue("cache-control").orElseThrow().contains("immutable"));
    }

    @Test
    void apiAnswersStayJsonAndNothingOutsideDistIsServed() throws Exception {
        HttpResponse<String> unknownApi = get("/api/nope", "text/html");
        assertEquals(404, unknownApi.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", unknownApi.body());
        HttpResponse<String> health = get("/api/health", "text/html");
        assertTrue(health.body().contains("\"status\""), "an API route is the API's even for a browser");
        assertEquals(404, get("/missing.js", "*/*").statusCode(), "a missing file for a script is API Gateway's 404");
        HttpResponse<String> traversal = get("/..%2F..%2Fpom.xml", "*/*");
        assertEquals(404, traversal.statusCode());
        assertTrue(!traversal.body().contains("<project"), "nothing outside web/dist");
    }

    @Test
    void theLinksTheServiceSendsPointAtThisOrigin() throws Exception {
        assertEquals(cloud.baseUrl() + "/orders/{id}", cloud.functions().get("DiscordSenderFunction").environment().get("ORDER_URL_TEMPLATE"));
        String name = "web" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/auth/register"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + name + "@example.org\",\"username\":\"" + name
                        + "\",\"password\":\"violet kettle orbit mango\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, registered.statusCode(), registered.body());
        String mail = "";
        try (var mails = Files.list(Path.of(".local/mail"))) {
            for (Path file : mails.toList()) {
                String text = Files.readString(file);
                if (text.contains("To: " + name + "@example.org")) {
                    mail = text;
                }
            }
        }
        Matcher link = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/verify-email\\?token=([A-Za-z0-9_-]+)").matcher(mail);
        assertTrue(link.find(), mail);
        assertEquals(cloud.baseUrl().toString(), link.group(1));
        assertEquals(200, get("/verify-email?token=" + link.group(2), "text/html").statusCode(), "the mail's link opens the app");
    }
}
