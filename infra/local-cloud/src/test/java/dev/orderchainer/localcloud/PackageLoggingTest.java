package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.SamTemplate;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each deployment package starts log4j from its own files alone, as Lambda would: with the trimmed plugin list of
 * functions/logging (the only one in the package) every plugin its configuration uses is there, log4j reports no
 * error, and the lines are Powertools' JSON and the bare EMF message.
 */
class PackageLoggingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPackageLogsPowertoolsJsonWithItsOwnPluginListAndNoLog4jError(@TempDir Path work) throws Exception {
        TreeSet<String> packages = new TreeSet<>();
        for (FunctionDefinition function : SamTemplate.load(ProjectFiles.template()).functions()) {
            packages.add(function.codeUri());
        }
        for (String codeUri : packages) {
            Path zip = ProjectFiles.root().resolve(codeUri);
            assertTrue(Files.isRegularFile(zip), zip + " missing: run `mvn verify` from the project root");
            Path root = Files.createDirectories(work.resolve(zip.getFileName().toString()));
            unzip(zip, root);
            ProbeRun run = probe(root, work.resolve(zip.getFileName() + ".stderr"));
            assertEquals("", run.stderr(), codeUri + ": log4j wrote to stderr (a missing plugin or a configuration error)");
            List<String> lines = run.stdout().lines().toList();
            assertEquals(4, lines.size(), codeUri + " printed " + run.stdout());
            JsonNode info = JSON.readTree(lines.get(0));
            assertEquals("INFO", info.path("level").asText(), lines.get(0));
            assertEquals("probe line 1", info.path("message").asText(), lines.get(0));
            // Powertools' resolver: the service from the environment, the rest from the handler's context.
            assertEquals("package-probe", info.path("service").asText(), codeUri + ": not Powertools' layout: " + lines.get(0));
            assertEquals("probe-function", info.path("function_name").asText(), lines.get(0));
            assertEquals("probe-request", info.path("function_request_id").asText(), lines.get(0));
            assertTrue(info.has("timestamp") && info.has("cold_start"), lines.get(0));
            JsonNode error = JSON.readTree(lines.get(1));
            assertEquals("ERROR", error.path("level").asText(), lines.get(1));
            assertEquals("java.lang.IllegalStateException", error.path("error").path("name").asText(), lines.get(1));
            assertTrue(error.path("error").path("stack").asText().contains("PackageLoggingProbe.main"), lines.get(1));
            assertEquals(Map.of("_aws", Map.of("probe", true)), JSON.readValue(lines.get(2), Map.class), codeUri + " EMF line");
            assertEquals("plugin lists: 1", lines.get(3), codeUri + " must carry exactly one log4j plugin list");
        }
    }

    private static ProbeRun probe(Path packageRoot, Path stderrFile) throws IOException, InterruptedException {
        String classPath = String.join(File.pathSeparator, packageRoot.toString(), packageRoot.resolve("lib").resolve("*").toString(),
                Path.of(PackageLoggingProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath, PackageLoggingProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("LOG") || name.startsWith("JAVA_TOOL"));
        builder.environment().put("POWERTOOLS_SERVICE_NAME", "package-probe");
        builder.redirectError(stderrFile.toFile());
        Process process = builder.start();
        byte[] stdout;
        try (InputStream out = process.getInputStream()) {
            stdout = out.readAllBytes();
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe did not end");
        String stderr = Files.readString(stderrFile);
        assertEquals(0, process.exitValue(), stderr);
        return new ProbeRun(new String(stdout, StandardCharsets.UTF_8), stderr);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(archive.entries())) {
                Path target = into.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(into), "zip entry outside the package: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    private record ProbeRun(String stdout, String stderr) {
    }
}
