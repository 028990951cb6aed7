package dev.orderchainer.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README's configuration table gives each function setting the default the code falls back to. */
class ConfigurationDefaultsTest {
    private static final Path ROOT = Path.of("../..");
    /** {@code env.integer("NAME", 1000} or {@code env.string("NAME", "value"}: a literal default in product code. */
    private static final Pattern IN_CODE = Pattern.compile("env\\.(?:integer|string)\\(\"([A-Z_]+)\", (\"[^\"]+\"|[0-9_]+)[,)]");
    /** A row of README's table: | `NAME` | `default` | … */
    private static final Pattern IN_README = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| `([^`]*)` \\|");

    @Test
    void everyLiteralDefaultInTheCodeIsTheOneReadmeStates() throws IOException {
        Map<String, String> code = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(ROOT.resolve("functions"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                Matcher found = IN_CODE.matcher(Files.readString(source));
                while (found.find()) {
                    code.put(found.group(1), found.group(2).replace("\"", "").replace("_", ""));
                }
            }
        }
        Map<String, String> readme = new TreeMap<>();
        Matcher row = IN_README.matcher(Files.readString(ROOT.resolve("README.md")));
        while (row.find()) {
            readme.putIfAbsent(row.group(1), row.group(2));
        }
        assertTrue(code.size() >= 10, "the code's defaults were found: " + code);
        List<String> differences = new ArrayList<>();
        code.forEach((name, value) -> {
            if (!value.equals(readme.get(name))) {
                differences.add(name + ": code " + value + ", README " + readme.get(name));
            }
        });
        assertEquals(List.of(), differences, "README.md's configuration table");
    }
}
