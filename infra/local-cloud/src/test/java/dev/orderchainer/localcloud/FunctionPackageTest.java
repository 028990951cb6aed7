package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.local.template.FunctionDefinition;
import dev.orderchainer.local.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Every function's deployment package (built by `mvn package`/`verify` before this module's tests)
 * holds its handler, only the url-connection HTTP client and stays small. Sizes are written to
 * target/function-package-sizes.txt for BENCHMARKS.md.
 */
class FunctionPackageTest {
    /** Upper bound per package: health is about 11 MB (SDK, log4j, Jackson), auth about 15 MB (plus SES v2 and JWT). */
    private static final long MAX_PACKAGE_BYTES = 16L * 1024 * 1024;

    @Test
    void packagesHoldTheirHandlerAndNoApacheOrNettyClient() throws IOException {
        List<String> report = new ArrayList<>();
        for (FunctionDefinition function : SamTemplate.load(ProjectFiles.template()).functions()) {
            Path zip = ProjectFiles.root().resolve(function.codeUri());
            assertTrue(Files.isRegularFile(zip), zip + " missing: run `mvn verify` from the project root");
            long size = Files.size(zip);
            boolean handlerFound = false;
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                for (ZipEntry entry : Collections.list(archive.entries())) {
                    String name = entry.getName();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    assertTrue(name.startsWith("lib/") && name.endsWith(".jar"), zip + " has a stray entry " + name);
                    assertFalse(name.matches("lib/(apache-client|apache5-client|netty-|httpclient|httpcore|aws-crt).*"),
                            function.logicalId() + " packages a forbidden HTTP client: " + name);
                    handlerFound |= jarContains(archive, entry, function.handlerClass().replace('.', '/') + ".class");
                }
            }
            assertTrue(handlerFound, function.logicalId() + " package lacks " + function.handlerClass());
            assertTrue(size <= MAX_PACKAGE_BYTES, function.logicalId() + " package is " + size + " bytes");
            report.add(String.format("%s %s %d", function.logicalId(), function.codeUri(), size));
        }
        Path out = Path.of("target", "function-package-sizes.txt");
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private static boolean jarContains(ZipFile archive, ZipEntry jar, String className) throws IOException {
        try (ZipInputStream in = new ZipInputStream(archive.getInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(className)) {
                    return true;
                }
            }
        }
        return false;
    }
}
