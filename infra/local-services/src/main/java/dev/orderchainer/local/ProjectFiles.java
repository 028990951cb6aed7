package dev.orderchainer.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project root (the folder holding template.yaml) from any module or working directory. */
public final class ProjectFiles {
    private ProjectFiles() {}

    public static Path root() {
        String configured = System.getProperty("orderchainer.projectDir");
        if (configured != null && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }
}
