package dev.orderchainer.localcloud;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Function environment overrides in `sam local --env-vars` format: "Parameters" for every function
 * that declares the variable, a function's logical id for that function. The project's defaults
 * (infra/local.env.json: file mail instead of SES) come first, the developer's file on top.
 */
public final class LocalOverrides {
    public static final String DEFAULTS = "infra/local.env.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalOverrides() {}

    public static Map<String, Map<String, String>> read(Path... files) {
        Map<String, Map<String, String>> merged = new LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                Map<String, Map<String, String>> values = JSON.readValue(file.toFile(), new TypeReference<>() {});
                values.forEach((section, variables) -> merged.computeIfAbsent(section, k -> new LinkedHashMap<>()).putAll(variables));
            } catch (IOException e) {
                throw new UncheckedIOException(file + " is not a valid env-vars file: " + e.getMessage(), e);
            }
        }
        return merged;
    }
}
