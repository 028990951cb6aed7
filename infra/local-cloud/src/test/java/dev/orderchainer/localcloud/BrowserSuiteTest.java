package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.ProjectFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The web app in a real browser against the whole local cloud: web/e2e/suite.mjs drives Debian's
 * Chromium with playwright-core and saves a screenshot of every page under target/screenshots.
 * Without Chromium the suite cannot run: locally that is said plainly and the rest of the build
 * goes on; in CI (CI=true, where .ci/run installs Chromium) it is a failure.
 */
class BrowserSuiteTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void aPersonSignsUpWorksWithDependentOrdersTheGraphAndDiscordAndStaysSignedIn() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "The browser suite did NOT run: no Chromium at " + CHROMIUM
                    + ". Install Debian's package (apt-get update && apt-get install -y chromium) or set CHROMIUM to a Chromium binary.";
            System.out.println(message);
            assertTrue(!"true".equals(System.getenv("CI")), message);
            Assumptions.abort(message);
        }
        Path root = ProjectFiles.root();
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()))) {
            assertTrue(cloud.servesWebApp(), "web/dist is built by the web module before this one");
            Process suite = new ProcessBuilder("node", root.resolve("web/e2e/suite.mjs").toString(), cloud.baseUrl().toString(),
                    Path.of(".local/mail").toAbsolutePath().toString(), LocalCloud.DISCORD_DIR.toAbsolutePath().toString(),
                    screenshots.toString())
                    .directory(root.resolve("web").toFile()).redirectErrorStream(true).start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(suite.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    System.out.println(line);
                    output.append(line).append('\n');
                }
            }
            assertTrue(suite.waitFor(3, TimeUnit.MINUTES), "the browser suite finished within 3 minutes");
            assertEquals(0, suite.exitValue(), output.toString());
            assertTrue(output.toString().contains(" passed, 0 failed"), output.toString());
        }
        assertTrue(Files.isRegularFile(screenshots.resolve("orders.png")), "screenshots under " + screenshots);
    }
}
