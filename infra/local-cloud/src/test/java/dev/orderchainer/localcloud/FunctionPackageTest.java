package dev.orderchainer.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Every function's deployment package (built by `mvn package`/`verify` before this module's tests)
 * holds its handler, the AWS CRT HTTP client with only the native libraries Lambda and our Linux
 * machines load, no other HTTP client, log4j as the one jar of functions/logging, and stays small. Sizes are written to
 * target/function-package-sizes.txt for BENCHMARKS.md.
 */
class FunctionPackageTest {
    /** Upper bound per package: health is about 16 MB (SDK, log4j, Jackson, CRT), signup about 21 MB (plus SES v2, JWT, Argon2). */
    private static final long MAX_PACKAGE_BYTES = 24L * 1024 * 1024;
    /** The CRT's classes and natives sit unpacked at the root (lambda-zip.xml), Linux glibc on arm64 and x86_64 only. */
    private static final String CRT_CLASSES = "software/amazon/awssdk/crt/";
    private static final Set<String> CRT_NATIVES = Set.of("linux/armv8/glibc/libaws-crt-jni.so", "linux/x86_64/glibc/libaws-crt-jni.so");

    @Test
    void packagesHoldTheirHandlerTheCrtForLinuxAndNoOtherHttpClient() throws IOException {
        List<String> report = new ArrayList<>();
        for (FunctionDefinition function : SamTemplate.load(ProjectFiles.template()).functions()) {
            Path zip = ProjectFiles.root().resolve(function.codeUri());
            assertTrue(Files.isRegularFile(zip), zip + " missing: run `mvn verify` from the project root");
            long size = Files.size(zip);
            boolean handlerFound = false;
            boolean loggingJar = false;
            Set<String> natives = new TreeSet<>();
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                for (ZipEntry entry : Collections.list(archive.entries())) {
                    String name = entry.getName();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    if (name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll")) {
                        natives.add(name);
                        continue;
                    }
                    boolean jar = name.startsWith("lib/") && name.endsWith(".jar");
                    assertTrue(jar || name.startsWith(CRT_CLASSES), zip + " has a stray entry " + name);
                    assertFalse(name.matches("lib/(apache-client|apache5-client|url-connection-client|netty-|httpclient|httpcore|aws-crt-\\d).*"),
                            function.logicalId() + " packages another HTTP client or the whole CRT jar: " + name);
                    // Only the auth package's token and refresh functions (and the signing keys resource) read a secret.
                    assertFalse(name.startsWith("lib/secretsmanager-") && !function.codeUri().contains("/auth/"),
                            function.logicalId() + " packages the Secrets Manager client: " + name);
                    // Log4j comes as functions/logging's jar with its trimmed plugin list (PackageLoggingTest starts it).
                    assertFalse(name.matches("lib/(log4j-core|log4j-layout-template-json|powertools-logging-log4j)-.*"),
                            function.logicalId() + " packages a jar whose log4j plugin list the logging jar replaces: " + name);
                    loggingJar |= name.startsWith("lib/orderchainer-logging-");
                    if (jar) {
                        handlerFound |= jarContains(archive, entry, function.handlerClass().replace('.', '/') + ".class");
                    }
                }
            }
            assertTrue(handlerFound, function.logicalId() + " package lacks " + function.handlerClass());
            assertTrue(loggingJar, function.logicalId() + " package lacks the logging jar");
            assertEquals(CRT_NATIVES, natives, function.logicalId() + " native libraries");
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
