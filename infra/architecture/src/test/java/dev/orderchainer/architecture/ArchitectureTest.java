package dev.orderchainer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.orderchainer.common.function.CustomResourceHandler;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.function.QueueHandler;
import dev.orderchainer.common.function.StreamHandler;
import dev.orderchainer.common.http.ApiHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the code's shape rests on, checked on the compiled classes (and, for the table schema and
 * the palette, on the sources): CONTRIBUTING.md explains each.
 */
class ArchitectureTest {
    private static final Path FUNCTIONS = Path.of("../../functions");
    private static JavaClasses classes;

    @BeforeAll
    static void importOurClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.orderchainer");
    }

    @Test
    void everyModuleUnderFunctionsIsKnownAndItsClassesWereFound() throws IOException {
        Set<String> dirs = new TreeSet<>();
        try (Stream<Path> modules = Files.list(FUNCTIONS)) {
            modules.filter(dir -> Files.exists(dir.resolve("pom.xml"))).forEach(dir -> dirs.add(dir.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(Stream.of(Modules.values()).map(m -> m.dir).toList()), dirs,
                "a new module under functions/ must be added to Modules, as a library or a function");
        Set<Modules> seen = EnumSet.noneOf(Modules.class);
        classes.forEach(type -> Modules.of(type).ifPresent(seen::add));
        Set<Modules> withCode = EnumSet.allOf(Modules.class);
        withCode.removeIf(module -> !module.ownCode);
        assertEquals(withCode, seen, "classes of every module with code of ours were imported");
    }

    @Test
    void noModuleDependsOnAFunctionModuleButItself() {
        List<String> violations = new ArrayList<>();
        for (JavaClass type : classes) {
            Optional<Modules> from = Modules.of(type);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                Optional<Modules> to = Modules.of(dependency.getTargetClass());
                if (to.isPresent() && to.get().function && to.get() != from.get()) {
                    violations.add(from.get().dir + ": " + dependency.getDescription());
                }
            }
        }
        assertEquals(List.of(), violations, "function modules are deployed, never built upon: move shared code to a library");
    }

    @Test
    void functionModulePomsNameNoOtherFunctionModule() throws IOException {
        Pattern artifact = Pattern.compile("<artifactId>([a-z-]+)</artifactId>");
        for (Modules module : Modules.functions()) {
            String pom = Files.readString(FUNCTIONS.resolve(module.dir).resolve("pom.xml"));
            Matcher found = artifact.matcher(pom.substring(pom.indexOf("<dependencies>")));
            while (found.find()) {
                String name = found.group(1);
                assertTrue(Modules.functions().stream().noneMatch(f -> f.artifact.equals(name)),
                        module.dir + " depends on the function module " + name);
            }
        }
    }

    @Test
    void theDomainKnowsNeitherHttpNorAwsNorItsAdapters() {
        noClasses().that().resideInAPackage("dev.orderchainer..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.orderchainer.common.http..", "software.amazon..",
                        "com.amazonaws..", "dev.orderchainer..store..", "dev.orderchainer..client..", "dev.orderchainer..mail..",
                        "dev.orderchainer..queue..")
                .because("the domain says what happened in its own exceptions; adapters and handlers translate")
                .check(classes);
    }

    @Test
    void noAdapterLivesInADomainPackage() {
        noClasses().that().resideInAPackage("dev.orderchainer..domain..")
                .should().haveNameMatching(".*\\.(DynamoDb|Sqs|Ses|Http|SecretsManager|File)[A-Z][^.]*")
                .because("a port's adapter goes in the core's store, queue, client or mail package, apart from the rules")
                .check(classes);
    }

    @Test
    void theDeliveryRulesLiveInTheDeliveryCore() {
        classes.stream().filter(type -> type.getPackageName().startsWith("dev.orderchainer.delivery"))
                .forEach(type -> assertEquals(Optional.of(Modules.DELIVERY_CORE), Modules.of(type), type.getName()));
        classes.stream().filter(type -> Modules.of(type).equals(Optional.of(Modules.NOTIFIER)))
                .forEach(type -> assertTrue(type.getPackageName().startsWith("dev.orderchainer.notifier"), type.getName()));
    }

    @Test
    void domainAndAdaptersNeverReachUpIntoHandlers() {
        noClasses().that().resideInAnyPackage("dev.orderchainer..domain..", "dev.orderchainer..store..",
                        "dev.orderchainer..queue..", "dev.orderchainer..workflow..", "dev.orderchainer..events..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Handler")
                .check(classes);
    }

    @Test
    void everyHandlerExtendsTheOneBaseOfItsKindAndEveryFunctionModuleHasOneWiringPlace() {
        Set<String> bases = Set.of(ApiHandler.class.getName(), StreamHandler.class.getName(), QueueHandler.class.getName(),
                CustomResourceHandler.class.getName());
        List<String> violations = new ArrayList<>();
        for (Modules module : Modules.functions()) {
            List<JavaClass> ofModule = classes.stream().filter(type -> Modules.of(type).equals(Optional.of(module))).toList();
            for (JavaClass type : ofModule) {
                boolean lambdaEntry = type.isAssignableTo(RequestStreamHandler.class) || type.isAssignableTo(RequestHandler.class);
                String parent = type.getRawSuperclass().map(JavaClass::getName).orElse("");
                if (lambdaEntry && !bases.contains(parent)) {
                    violations.add(type.getName() + " extends " + parent + ", not ApiHandler, StreamHandler, QueueHandler or CustomResourceHandler");
                }
            }
            List<String> wiring = ofModule.stream().filter(type -> type.isAssignableTo(FunctionComponents.class))
                    .map(JavaClass::getSimpleName).toList();
            if (wiring.size() != 1) {
                violations.add(module.dir + " has " + wiring + " as its FunctionComponents; a function module has one");
            }
        }
        assertEquals(List.of(), violations, "CONTRIBUTING.md, \"One way to build a function\"");
    }

    @Test
    void theWorkflowLivesWithTheOrdersDomain() {
        classes.stream().filter(type -> type.getPackageName().startsWith("dev.orderchainer.orders."))
                .filter(type -> !type.getPackageName().equals("dev.orderchainer.orders"))
                .forEach(type -> assertEquals(Optional.of(Modules.ORDERS_CORE), Modules.of(type), type.getName()));
    }

    @Test
    void theTableSchemaAndTheStatusPaletteAreEachSpelledOutOnce() throws IOException {
        Pattern schema = Pattern.compile(
                "\"(USER|ORDER|ORDERS|EMAIL|USERNAME|FAMILY|REFRESH|VERIFY|REVOKED|RATE|EVENT|OUTBOX|WS|MEMBER|WORKSPACE|INVITATION|ACTIVITY)#|"
                + "\"PROFILE\"|\"GRAPH\"|\"SENDER\"|\"WORKSPACE\"");
        Pattern palette = Pattern.compile("(?i)(0x|#)(95a5a6|3498db|2ecc71|e74c3c)");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(FUNCTIONS)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                String name = source.getFileName().toString();
                String text = Files.readString(source);
                if (!name.equals("TableKeys.java") && schema.matcher(text).find()) {
                    violations.add(source + ": spells out a table key (use TableKeys)");
                }
                if (!name.equals("StatusPalette.java") && palette.matcher(text).find()) {
                    violations.add(source + ": has its own status colour (use StatusPalette)");
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
