import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;

/**
 * Build step of functions/logging (run by exec-maven-plugin from source, so it is not in the jar): writes the one
 * Log4j2Plugins.dat of a function's package, holding only the plugins log4j-plugins.txt names, taken from the plugin
 * lists of the jars on the class path. Fails on an entry that names no plugin, so a log4j upgrade that renames one
 * breaks the build instead of a function's logging.
 *
 * Arguments: the list file, the output file.
 */
public final class PluginListWriter {
    private static final String CACHE = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";

    private PluginListWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path list = Path.of(args[0]);
        Path output = Path.of(args[1]).toAbsolutePath();
        PluginCache available = new PluginCache();
        List<URL> sources = new ArrayList<>();
        for (URL url : Collections.list(PluginListWriter.class.getClassLoader().getResources(CACHE))) {
            // A previous run's output sits in target/classes, which is on the class path too.
            if (!url.getProtocol().equals("file") || !Path.of(url.getPath()).toAbsolutePath().equals(output)) {
                sources.add(url);
            }
        }
        available.loadCacheFiles(Collections.enumeration(sources));
        Map<String, Map<String, PluginEntry>> kept = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(list)) {
            lineNumber++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split("\\s+");
            Map<String, PluginEntry> category = parts.length == 2 ? available.getAllCategories().get(parts[0]) : null;
            if (category == null) {
                problems.add(list + ":" + lineNumber + ": not \"category key\" with a known category: " + text);
            } else if (parts[1].equals("*")) {
                kept.computeIfAbsent(parts[0], c -> new TreeMap<>()).putAll(category);
            } else if (category.containsKey(parts[1])) {
                kept.computeIfAbsent(parts[0], c -> new TreeMap<>()).put(parts[1], category.get(parts[1]));
            } else {
                problems.add(list + ":" + lineNumber + ": no plugin " + parts[1] + " in category " + parts[0]
                        + "; there are " + new TreeSet<>(category.keySet()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        PluginCache trimmed = new PluginCache();
        int count = 0;
        for (Map.Entry<String, Map<String, PluginEntry>> category : kept.entrySet()) {
            trimmed.getCategory(category.getKey()).putAll(category.getValue());
            count += category.getValue().size();
        }
        Files.createDirectories(output.getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            trimmed.writeCache(out);
        }
        System.out.printf("%s: %d of %d log4j plugins from %d plugin lists%n", output.getFileName(), count,
                available.getAllCategories().values().stream().mapToInt(Map::size).sum(), sources.size());
    }
}
