package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.SecretTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token in an invitation's link: {@code {workspace id}.{invitation id}.{secret}}. The ids say where to look (one
 * read), the secret (256 bits) proves the holder got the mail; only the secret's SHA-256 is stored.
 */
public record InvitationToken(String workspaceId, String invitationId, String secret) {
    private static final Pattern FORMAT = Pattern.compile("^(ws_[0-9a-f]{24})\\.(inv_[0-9a-f]{24})\\.([A-Za-z0-9_-]{43})$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token for a new invitation to the workspace. */
    static InvitationToken issue(String workspaceId) {
        byte[] bits = new byte[12];
        RANDOM.nextBytes(bits);
        return new InvitationToken(workspaceId, "inv_" + HexFormat.of().formatHex(bits), SecretTokens.newToken());
    }

    /** The token as typed or pasted; empty when it cannot be one. */
    static Optional<InvitationToken> parse(String text) {
        if (text == null || text.length() > 128) {
            return Optional.empty();
        }
        Matcher parts = FORMAT.matcher(text.trim());
        return parts.matches() ? Optional.of(new InvitationToken(parts.group(1), parts.group(2), parts.group(3))) : Optional.empty();
    }

    public String text() {
        return workspaceId + "." + invitationId + "." + secret;
    }

    String hash() {
        return SecretTokens.hash(secret);
    }

    /** Whether this token's secret is the one whose hash was stored, compared in constant time. */
    boolean matches(String storedHash) {
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
