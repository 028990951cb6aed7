package dev.orderchainer.signup.domain;

import dev.orderchainer.auth.domain.PasswordHasher;
import dev.orderchainer.common.domain.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * NIST SP 800-63B password rules: a minimum length (12 by default) and a maximum of 128, counted in
 * Unicode code points after NFKC normalisation; any characters allowed; no composition rules; not a
 * commonly used password (nbvcxz's list of 100,000); not the username or email, nor containing them.
 */
public final class PasswordPolicy {
    public static final int MAX_LENGTH = PasswordHasher.MAX_PASSWORD_LENGTH;
    /** The minimum without PASSWORD_MIN_LENGTH (infra/openapi.yaml documents it). */
    public static final int DEFAULT_MIN_LENGTH = 12;
    private static final String COMMON_PASSWORDS = "/dictionaries/passwords.txt";
    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(int minLength) {
        if (minLength < 8 || minLength > 64) {
            throw new IllegalArgumentException("minimum password length must be 8..64");
        }
        this.minLength = minLength;
        this.common = loadCommonPasswords(minLength);
    }

    /** How many common passwords are long enough to matter under the current minimum. */
    public int commonPasswordCount() {
        return common.size();
    }

    /** @throws InvalidInputException naming the rule broken */
    public void check(String password, String username, String email) {
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < minLength) {
            throw new InvalidInputException("Password must be at least " + minLength + " characters long (it has " + length + ")");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInputException("Password must be at most " + MAX_LENGTH + " characters long (it has " + length + ")");
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw new InvalidInputException("Password is too common; choose one that is not on lists of leaked passwords");
        }
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        String mail = email == null ? "" : email.toLowerCase(Locale.ROOT);
        String mailbox = mail.contains("@") ? mail.substring(0, mail.indexOf('@')) : mail;
        if ((!name.isEmpty() && lower.contains(name)) || (!mail.isEmpty() && lower.contains(mail))
                || (mailbox.length() >= 4 && lower.contains(mailbox))) {
            throw new InvalidInputException("Password must not contain your username or email address");
        }
    }

    private static Set<String> loadCommonPasswords(int minLength) {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("common password list " + COMMON_PASSWORDS + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String candidate = line.trim().toLowerCase(Locale.ROOT);
                // Shorter entries are refused by the length rule already.
                if (candidate.codePointCount(0, candidate.length()) >= minLength) {
                    passwords.add(candidate);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passwords;
    }
}
