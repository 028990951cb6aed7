package dev.orderchainer.signup.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.domain.DomainException;
import dev.orderchainer.common.http.ApiProblem;
import dev.orderchainer.common.http.Problems;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private static final PasswordPolicy POLICY = new PasswordPolicy(12);

    private static String refused(String password) {
        ApiProblem problem = Problems.of(assertThrows(DomainException.class, () -> POLICY.check(password, "ada_l", "ada@example.org")));
        assertEquals(400, problem.status());
        return problem.detail();
    }

    @Test
    void lengthIsCountedInCodePoints() {
        assertEquals("Password must be at least 12 characters long (it has 11)", refused("tiger-lamp7"));
        // 12 emoji are 24 UTF-16 units but 12 characters.
        assertDoesNotThrow(() -> POLICY.check("🦊🦊🦊🦊🦊🦊🐙🐙🐙🐙🐙🐙", "ada_l", "ada@example.org"));
        assertEquals("Password must be at least 12 characters long (it has 11)", refused("🦊🦊🦊🦊🦊🦊🐙🐙🐙🐙🐙"));
        assertDoesNotThrow(() -> POLICY.check("x".repeat(27) + " lowercase only no digits", "ada_l", "ada@example.org"));
        assertEquals("Password must be at most 128 characters long (it has 129)", refused("q".repeat(129)));
    }

    @Test
    void unicodeIsAllowedWithoutCompositionRules() {
        assertDoesNotThrow(() -> POLICY.check("violet kettle orbit mango", "ada_l", "ada@example.org"));
        assertDoesNotThrow(() -> POLICY.check("пароль-для-заказов", "ada_l", "ada@example.org"));
    }

    @Test
    void commonPasswordsAreRefusedFromARealList() {
        assertTrue(POLICY.commonPasswordCount() > 400, "entries of the 100,000-password list long enough to matter");
        assertTrue(refused("1qaz2wsx3edc").contains("too common"));
        assertTrue(refused("QAZWSXEDCRFV").contains("too common"), "case-insensitive");
        assertTrue(new PasswordPolicy(8).commonPasswordCount() > 10_000, "the list holds well over 10,000 passwords");
        assertTrue(Problems.of(assertThrows(DomainException.class, () -> new PasswordPolicy(8).check("password", "u", "u@x.org")))
                .detail().contains("too common"));
    }

    @Test
    void passwordsMustNotContainTheUsernameOrEmail() {
        assertEquals("Password must not contain your username or email address", refused("my name is ADA_L okay"));
        assertEquals("Password must not contain your username or email address", refused("ada@example.org!!"));
        ApiProblem mailbox = Problems.of(assertThrows(DomainException.class,
                () -> POLICY.check("hello lovelace 1815!", "countess", "lovelace@example.org")));
        assertEquals("Password must not contain your username or email address", mailbox.detail());
    }
}
