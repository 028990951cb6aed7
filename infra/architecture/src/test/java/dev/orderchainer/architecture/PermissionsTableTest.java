package dev.orderchainer.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderchainer.workspaces.domain.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's permission table is the domain's, row for row: the lowest role and what it allows, in the order of {@link Action}. */
class PermissionsTableTest {
    private static final Path README = Path.of("../../README.md");
    private static final Pattern TABLE = Pattern.compile(
            "(?s)<!-- permissions:[^>]*-->\\n\\| lowest role \\| may \\|\\n\\|---\\|---\\|\\n(.*?)<!-- /permissions -->");

    @Test
    void readmePrintsThePermissionTableOfTheDomain() throws IOException {
        Matcher table = TABLE.matcher(Files.readString(README));
        assertEquals(true, table.find(), "README.md has no permission table between its markers");
        List<String> rows = Arrays.stream(table.group(1).split("\n")).filter(line -> !line.isBlank()).toList();
        List<String> expected = Arrays.stream(Action.values()).map(a -> "| " + a.minimum().wire() + " | " + a.meaning() + " |").toList();
        assertEquals(expected, rows);
    }
}
