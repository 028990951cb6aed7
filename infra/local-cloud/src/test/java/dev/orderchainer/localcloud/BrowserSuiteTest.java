package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.ProjectFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app in a real browser against the whole local cloud: web/e2e/suite.mjs (one person's path) and
 * web/e2e/workspaces.mjs (a team of three, each in a browser of their own) drive Debian's Chromium with
 * playwright-core and save a screenshot of every page under target/screenshots. Without Chromium the suites
 * cannot run: locally that is said plainly and the rest of the build goes on; in CI (CI=true, where .ci/run
 * installs Chromium) it is a failure.
 */
class BrowserSuiteTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final Path MAIL = Path.of(".local/mail").toAbsolutePath();
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "The browser suites did NOT run: no Chromium at " + CHROMIUM
                    + ". Install Debian's package (apt-get update && apt-get install -y chromium) or set CHROMIUM to a Chromium binary.";
            System.out.println(message);
            assertTrue(!"true".equals(System.getenv("CI")), message);
            Assumptions.abort(message);
        }
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
        assertTrue(cloud.servesWebApp(), "web/dist is built by the web module before this one");
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void aPersonSignsUpWorksWithDependentOrdersTheGraphAndDiscordAndStaysSignedIn() throws Exception {
        run("suite.mjs", cloud.baseUrl().toString(), MAIL.toString(), LocalCloud.DISCORD_DIR.toAbsolutePath().toString(),
                SCREENSHOTS.toString());
        assertTrue(Files.isRegularFile(SCREENSHOTS.resolve("orders.png")), "screenshots under " + SCREENSHOTS);
    }

    @Test
    void aTeamInvitesAssignsReadsAsAViewerAndARemovedMembersNextActionIsRefused() throws Exception {
        run("workspaces.mjs", cloud.baseUrl().toString(), MAIL.toString(), LocalCloud.DISCORD_DIR.toAbsolutePath().toString(),
                SCREENSHOTS.toString());
        assertTrue(Files.isRegularFile(SCREENSHOTS.resolve("workspace.png")), "screenshots under " + SCREENSHOTS);
    }

    @Test
    void twoWebhooksWithDifferentFiltersEachReceiveOnlyTheirKindsAndATemplateIsEditedWithItsLivePreview() throws Exception {
        run("webhooks.mjs", cloud.baseUrl().toString(), MAIL.toString(), LocalCloud.DISCORD_DIR.toAbsolutePath().toString(),
                SCREENSHOTS.toString());
        assertTrue(Files.isRegularFile(SCREENSHOTS.resolve("discord-template.png")), "screenshots under " + SCREENSHOTS);
    }

    private static void run(String suite, String... arguments) throws Exception {
        Path root = ProjectFiles.root();
        List<String> command = new ArrayList<>(List.of("node", root.resolve("web/e2e").resolve(suite).toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(root.resolve("web").toFile()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.println(line);
                output.append(line).append('\n');
            }
        }
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), suite + " finished within 3 minutes");
        assertEquals(0, process.exitValue(), output.toString());
        assertTrue(output.toString().contains(" passed, 0 failed"), output.toString());
    }
}
