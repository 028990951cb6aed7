package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.ProjectFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local cloud as a user starts it: its own JVM, a banner with the URL, logs in files. */
class LocalCloudMainTest {
    @TempDir
    Path logs;

    @Test
    void startsPrintsItsUrlServesAndLogsToRotatedFiles() throws Exception {
        Path logFile = logs.resolve("oc.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsqlite4java.library.path=" + System.getProperty("sqlite4java.library.path"),
                "-Dorderchainer.projectDir=" + ProjectFiles.root(),
                "-cp", System.getProperty("java.class.path"),
                LocalCloudMain.class.getName(), "--in-memory")
                .redirectErrorStream(true);
        builder.environment().put("PORT", "0");
        builder.environment().put("DYNAMODB_PORT", "0");
        builder.environment().put("SQS_PORT", "0");
        builder.environment().put("LOG_FILE", logFile.toString());
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String url = null;
            StringBuilder seen = new StringBuilder();
            Pattern api = Pattern.compile("API\\s+(http://127\\.0\\.0\\.1:\\d+)");
            for (String line; url == null && (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher matcher = api.matcher(line);
                if (matcher.find()) {
                    url = matcher.group(1);
                }
            }
            assertTrue(url != null, "no URL in the banner:\n" + seen);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());

            String log = awaitContent(logFile, "\"route\":\"GET /api/health\"");
            assertTrue(log.contains("\"correlation_id\""), log);
            String metrics = awaitContent(logs.resolve("oc-metrics.log"), "\"CloudWatchMetrics\"");
            assertTrue(metrics.contains("\"Namespace\":\"OrderChainer\""), metrics);
            assertTrue(Files.exists(logs.resolve("oc-errors.log")), "a separate error log exists");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void whenTheProcessThatStartedItIsKilledTheLocalCloudStopsAndFreesItsPort() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A shell stands in for Maven: it starts the JVM as its child and dies on SIGTERM without passing it on.
        String command = String.join(" ", "'" + java + "'", "'-Dsqlite4java.library.path=" + System.getProperty("sqlite4java.library.path") + "'",
                "'-Dorderchainer.projectDir=" + ProjectFiles.root() + "'", "-cp", "'" + System.getProperty("java.class.path") + "'",
                LocalCloudMain.class.getName(), "--exit-with-parent", "--in-memory") + "; true";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
        builder.environment().put("PORT", "0");
        builder.environment().put("DYNAMODB_PORT", "0");
        builder.environment().put("SQS_PORT", "0");
        builder.environment().put("LOG_FILE", logs.resolve("orphan.log").toString());
        Process shell = builder.start();
        ProcessHandle cloud = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
            String url = null;
            Pattern api = Pattern.compile("API\\s+(http://127\\.0\\.0\\.1:\\d+)");
            for (String line; url == null && (line = out.readLine()) != null; ) {
                Matcher matcher = api.matcher(line);
                if (matcher.find()) {
                    url = matcher.group(1);
                }
            }
            assertTrue(url != null, "no URL in the banner");
            cloud = shell.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst().orElseThrow();
            shell.destroy();
            assertTrue(shell.waitFor(10, TimeUnit.SECONDS), "the shell died on SIGTERM");
            assertTrue(cloud.onExit().get(20, TimeUnit.SECONDS) != null && !cloud.isAlive(), "the local cloud stopped with its parent");
            int port = URI.create(url).getPort();
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("127.0.0.1", port));
            }
        } finally {
            if (cloud != null && cloud.isAlive()) {
                cloud.destroyForcibly();
            }
            shell.destroyForcibly();
        }
    }

    private static String awaitContent(Path file, String needle) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String content = "";
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                content = Files.readString(file);
                if (content.contains(needle)) {
                    return content;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(file + " never contained " + needle + ":\n" + content);
    }
}
