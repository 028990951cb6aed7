package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.ProjectFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No jar on this module's test classpath (every function's dependencies plus the local tooling) is
 * older than its floor in infra/dependency-floors.txt: the offline stand-in for a CVE scanner.
 */
class KnownVulnerableVersionsTest {
    private record Jar(String group, String artifact, String version) {}

    @Test
    void noLibraryIsBelowItsKnownVulnerableFloor() throws IOException {
        Map<String, String> floors = floors();
        List<Jar> jars = classpathJars();
        assertTrue(jars.stream().anyMatch(j -> j.artifact().equals("log4j-core")), "the classpath is read from the Maven repository");
        List<String> vulnerable = new ArrayList<>();
        int checked = 0;
        for (Jar jar : jars) {
            String floor = floors.get(jar.group() + ":" + jar.artifact());
            if (floor != null) {
                checked++;
                if (compare(jar.version(), floor) < 0) {
                    vulnerable.add(jar.group() + ":" + jar.artifact() + ":" + jar.version() + " (needs " + floor + " or later)");
                }
            }
        }
        assertEquals(List.of(), vulnerable, "bump these (or manage their version in the parent pom)");
        assertTrue(checked >= 8, "most floors apply to jars that are really here: " + checked);
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        assertTrue(compare("2.25.10", "2.25.4") > 0);
        assertTrue(compare("2.25.3", "2.25.4") < 0);
        assertTrue(compare("4.1.138.Final", "4.1.124.Final") > 0);
        assertTrue(compare("2.13.4.2", "2.13.4") > 0);
        assertEquals(0, compare("12.0.12", "12.0.12"));
    }

    private static Map<String, String> floors() throws IOException {
        Map<String, String> floors = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ProjectFiles.root().resolve("infra/dependency-floors.txt"))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            floors.put(fields[0], fields[1]);
        }
        return floors;
    }

    /** Jars in the Maven repository layout: .../group/path/artifact/version/artifact-version.jar. */
    private static List<Jar> classpathJars() {
        List<Jar> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            int count = jar.getNameCount();
            if (!entry.endsWith(".jar") || count < 4) {
                continue;
            }
            String version = jar.getName(count - 2).toString();
            String artifact = jar.getName(count - 3).toString();
            if (!jar.getFileName().toString().startsWith(artifact + "-" + version)) {
                continue;
            }
            List<String> group = new ArrayList<>();
            for (int i = count - 4; i >= 0 && !jar.getName(i).toString().equals("repository"); i--) {
                group.add(0, jar.getName(i).toString());
            }
            jars.add(new Jar(String.join(".", group), artifact, version));
        }
        return jars;
    }

    static int compare(String a, String b) {
        String[] left = a.split("[.-]");
        String[] right = b.split("[.-]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int x = i < left.length ? number(left[i]) : 0;
            int y = i < right.length ? number(right[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int number(String part) {
        String digits = part.replaceAll("\\D.*", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
