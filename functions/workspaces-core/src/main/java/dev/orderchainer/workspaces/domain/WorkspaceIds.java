package dev.orderchainer.workspaces.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Team workspace ids: {@code ws_} and 24 random hex digits (96 bits), so they cannot be guessed and never
 * look like a user id (a UUID), which is the personal workspace's id.
 */
public final class WorkspaceIds {
    public static final String PREFIX = "ws_";
    private static final Pattern FORMAT = Pattern.compile("^ws_[0-9a-f]{24}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkspaceIds() {}

    public static String next() {
        byte[] bits = new byte[12];
        RANDOM.nextBytes(bits);
        return PREFIX + HexFormat.of().formatHex(bits);
    }

    /** Whether {@code id} can be a team workspace's id (anything else is at most a personal one). */
    public static boolean isTeam(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
