package dev.orderchainer.signup.domain;

import dev.orderchainer.auth.domain.EmailVerification;
import dev.orderchainer.auth.domain.Mailer;
import dev.orderchainer.auth.domain.PasswordHasher;
import dev.orderchainer.auth.domain.User;
import dev.orderchainer.auth.domain.UserStore;
import dev.orderchainer.auth.domain.VerificationTokenStore;
import dev.orderchainer.common.domain.InvalidInputException;
import dev.orderchainer.common.domain.SecretTokens;
import dev.orderchainer.common.text.EmailAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-up and email verification. */
public final class Registration {
    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$");
    private final UserStore users;
    private final VerificationTokenStore verificationTokens;
    private final Mailer mailer;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** The verification page's address, the token appended; asked for each mail (it may be read at run time). */
    private final Supplier<String> verifyLink;

    public Registration(UserStore users, VerificationTokenStore verificationTokens, Mailer mailer, PasswordPolicy policy,
                        PasswordHasher hasher, Clock clock, Supplier<String> verifyLink) {
        this.users = users;
        this.verificationTokens = verificationTokens;
        this.mailer = mailer;
        this.policy = policy;
        this.hasher = hasher;
        this.clock = clock;
        this.verifyLink = verifyLink;
    }

    /** What a sign-up asks for, checked: nothing is stored or counted before this passes. */
    public record NewAccount(String email, String username, String password) {}

    public NewAccount check(String email, String username, String password) {
        String cleanEmail = email(email);
        String cleanUsername = required(username, "username").trim();
        required(password, "password");
        if (!USERNAME.matcher(cleanUsername).matches()) {
            throw new InvalidInputException("Field 'username' must be 3 to 32 characters: letters, digits, '_', '.', '-', "
                    + "starting with a letter or digit");
        }
        policy.check(password, cleanUsername, cleanEmail);
        return new NewAccount(cleanEmail, cleanUsername, password);
    }

    public User register(NewAccount account) {
        User user = new User(UUID.randomUUID().toString(), account.email(), account.username(), hasher.hash(account.password()), false,
                clock.instant(), 0, null);
        try {
            users.create(user);
        } catch (UserStore.DuplicateAccountException duplicate) {
            throw new AccountExistsException(duplicate.field().equals("email")
                    ? "An account with this email address already exists"
                    : "The username '" + account.username() + "' is taken");
        }
        sendVerification(user);
        return user;
    }

    /** A syntactically valid address of at most 254 characters, trimmed; 400 otherwise. */
    public static String email(String email) {
        return EmailAddress.checked(email);
    }

    /** Always quiet: whether an account exists or is verified is never revealed. @param email checked by {@link #email} */
    public void resend(String email) {
        Optional<User> user = users.findByEmail(email);
        if (user.isPresent() && !user.get().emailVerified()) {
            sendVerification(user.get());
        }
    }

    private void sendVerification(User user) {
        String token = SecretTokens.newToken();
        Instant expires = clock.instant().plus(EmailVerification.TOKEN_LIFETIME);
        verificationTokens.save(SecretTokens.hash(token), user.id(), expires);
        try {
            String link = verifyLink.get() + token;
            mailer.send(new Mailer.Email(user.email(), "Verify your OrderChainer email address",
                    "Hello " + user.username() + ",\n\nconfirm your email address by opening this link within 24 hours:\n\n"
                            + link + "\n\nIf you did not sign up for OrderChainer, ignore this email.\n", link));
        } catch (RuntimeException e) {
            // The account exists; the user can ask for another email.
            LOG.error("verification email to user {} could not be sent", user.id(), e);
        }
    }

    static String required(String value, String field) {
        if (value == null) {
            throw new InvalidInputException("Field '" + field + "' is required");
        }
        return value;
    }

    static String normalizedEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
