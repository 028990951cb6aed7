package dev.orderchainer.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven modules under functions/: libraries others build on, and deployable functions that nothing builds on;
 * logging is a library of other projects' classes only (log4j and Powertools with our plugin list).
 */
enum Modules {
    LOGGING("logging", "orderchainer-logging", false, false),
    COMMON("common", "orderchainer-common", false),
    WORKSPACES_CORE("workspaces-core", "workspaces-core", false),
    SECURITY("security", "orderchainer-security", false),
    AUTH_CORE("auth-core", "auth-core", false),
    ORDERS_CORE("orders-core", "orders-core", false),
    DISCORD_CORE("discord-core", "discord-core", false),
    DELIVERY_CORE("delivery-core", "delivery-core", false),
    HEALTH("health", "health-function", true),
    AUTH("auth", "auth-functions", true),
    SIGNUP("signup", "signup-functions", true),
    ORDERS("orders", "orders-functions", true),
    WORKSPACES("workspaces", "workspaces-functions", true),
    DISCORD("discord", "discord-functions", true),
    NOTIFIER("notifier", "notifier-functions", true);

    /** functions/{dir}/target/… in the reactor, …/dev/orderchainer/{artifact}/… from the local repository. */
    private static final Pattern IN_REACTOR = Pattern.compile("/functions/([a-z-]+)/target/");
    private static final Pattern IN_REPOSITORY = Pattern.compile("/dev/orderchainer/([a-z-]+)/[0-9][^/]*/");

    final String dir;
    final String artifact;
    final boolean function;
    /** Whether the module compiles classes of ours (dev.orderchainer). */
    final boolean ownCode;

    Modules(String dir, String artifact, boolean function) {
        this(dir, artifact, function, true);
    }

    Modules(String dir, String artifact, boolean function, boolean ownCode) {
        this.dir = dir;
        this.artifact = artifact;
        this.function = function;
        this.ownCode = ownCode;
    }

    static List<Modules> functions() {
        return List.of(values()).stream().filter(m -> m.function).toList();
    }

    /** The module a class was compiled in (empty for anything that is not ours). */
    static Optional<Modules> of(JavaClass type) {
        return type.getSource().map(source -> source.getUri().toString()).flatMap(Modules::ofLocation);
    }

    static Optional<Modules> ofLocation(String location) {
        Matcher reactor = IN_REACTOR.matcher(location);
        if (reactor.find()) {
            return List.of(values()).stream().filter(m -> m.dir.equals(reactor.group(1))).findFirst();
        }
        Matcher repository = IN_REPOSITORY.matcher(location);
        if (repository.find()) {
            return List.of(values()).stream().filter(m -> m.artifact.equals(repository.group(1))).findFirst();
        }
        return Optional.empty();
    }
}
