package dev.orderchainer.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * DynamoDB Local stores data with sqlite4java, whose JNI library must be a plain file on
 * {@code sqlite4java.library.path}. The build copies it to {@code .local/native-libs}; when that
 * property is not set we look there (from the working directory upwards) and then in the local
 * Maven repository, so the servers start from any directory of the project.
 */
final class SqliteNativeLibrary {
    static final String PROPERTY = "sqlite4java.library.path";
    private static final String FILE = "libsqlite4java-linux-amd64.so";

    private SqliteNativeLibrary() {}

    static synchronized void ensureConfigured() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && Files.isRegularFile(Path.of(configured, FILE))) {
            return;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".local/native-libs");
            if (Files.isRegularFile(candidate.resolve(FILE))) {
                System.setProperty(PROPERTY, candidate.toString());
                return;
            }
        }
        System.setProperty(PROPERTY, copyFromMavenRepository().toString());
    }

    private static Path copyFromMavenRepository() {
        Path base = Path.of(System.getProperty("user.home"), ".m2/repository/com/almworks/sqlite4java/libsqlite4java-linux-amd64");
        try (Stream<Path> files = Files.walk(base)) {
            List<Path> found = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".so")).sorted().toList());
            if (found.isEmpty()) {
                throw new IllegalStateException("sqlite4java native library not found under " + base + "; run mvn install once");
            }
            Path dir = Files.createTempDirectory("sqlite4java");
            Files.copy(found.get(found.size() - 1), dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare sqlite4java native library", e);
        }
    }
}
