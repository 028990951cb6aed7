package dev.orderchainer.localcloud.auth;

import static dev.orderchainer.local.JsonText.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.auth.LogoutHandler;
import dev.orderchainer.auth.RefreshHandler;
import dev.orderchainer.auth.TokenHandler;
import dev.orderchainer.common.config.ConfigurationException;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.security.SigningKeys;
import dev.orderchainer.signup.RegisterHandler;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every auth endpoint through its Lambda handler, configured by template.yaml, against DynamoDB Local. */
class AuthEndpointsTest {
    private static final String PASSWORD = "violet kettle orbit mango";
    @TempDir
    static Path mailDir;
    private static AuthApi api;

    @BeforeAll
    static void setUp() {
        api = new AuthApi(mailDir);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registerVerifyLoginRefreshAndLogout() {
        String id = unique();
        HttpInvocation.Response registered = api.register("Ada." + id + "@Example.org", "ada_" + id, PASSWORD, "10.2.0.1");
        assertEquals(201, registered.status(), registered.bodyText());
        JsonNode user = registered.json();
        assertEquals("Ada." + id + "@Example.org", user.path("email").asText());
        assertEquals("ada_" + id, user.path("username").asText());
        assertFalse(user.path("email_verified").asBoolean());
        assertTrue(user.has("id") && user.has("created_at"));
        assertFalse(registered.bodyText().contains("argon2"), "the hash never leaves the service");

        HttpInvocation.Response beforeVerification = api.login("ada_" + id, PASSWORD, "10.2.0.1");
        assertEquals(403, beforeVerification.status());
        assertTrue(beforeVerification.json().path("detail").asText().contains("Verify your email"));

        String verificationToken = api.lastTokenMailedTo("Ada." + id + "@Example.org");
        assertEquals(200, api.verify(verificationToken).status());
        assertEquals(400, api.verify(verificationToken).status(), "single use");

        HttpInvocation.Response login = api.login("ada." + id + "@example.org", PASSWORD, "10.2.0.1");
        assertEquals(200, login.status(), login.bodyText());
        assertEquals("no-store", login.header("cache-control"));
        JsonNode tokens = login.json();
        assertEquals("bearer", tokens.path("token_type").asText());
        assertEquals(1800, tokens.path("expires_in").asInt());
        assertEquals(14 * 24 * 3600, tokens.path("refresh_expires_in").asInt(), 5);
        assertEquals(3, tokens.path("access_token").asText().split("\\.").length);

        HttpInvocation.Response refreshed = api.refresh(tokens.path("refresh_token").asText());
        assertEquals(200, refreshed.status(), refreshed.bodyText());
        String newAccess = refreshed.json().path("access_token").asText();
        String newRefresh = refreshed.json().path("refresh_token").asText();
        assertNotEquals(tokens.path("refresh_token").asText(), newRefresh);

        assertEquals(204, api.logout(newAccess).status());
        HttpInvocation.Response reused = api.logout(newAccess);
        assertEquals(401, reused.status(), "a logged-out token is refused");
        assertEquals("Bearer error=\"invalid_token\"", reused.header("www-authenticate"));
        assertEquals(401, api.refresh(newRefresh).status(), "logout ends the refresh family");
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        String id = unique();
        JsonNode tokens = api.verifiedLogin(id + "@example.org", "reuse_" + id, PASSWORD);
        String first = tokens.path("refresh_token").asText();
        String second = api.refresh(first).json().path("refresh_token").asText();
        HttpInvocation.Response replay = api.refresh(first);
        assertEquals(401, replay.status());
        assertEquals(401, api.refresh(second).status(), "the legitimate successor dies with the family");
        assertEquals(401, api.refresh("not-a-real-refresh-token").status());
    }

    @Test
    void concurrentRefreshesOfOneTokenLetAtMostOneThrough() throws Exception {
        String id = unique();
        String refresh = api.verifiedLogin(id + "@example.org", "race_" + id, PASSWORD).path("refresh_token").asText();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<HttpInvocation.Response>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> api.refresh(refresh)));
        }
        int ok = 0;
        for (Future<HttpInvocation.Response> result : results) {
            int status = result.get().status();
            assertTrue(status == 200 || status == 401, "status " + status);
            ok += status == 200 ? 1 : 0;
        }
        pool.shutdownNow();
        assertTrue(ok <= 1, ok + " refreshes succeeded with one token");
    }

    @Test
    void emailAndUsernameAreUniqueCaseInsensitivelyAndNothingIsHalfWritten() {
        String id = unique();
        assertEquals(201, api.register("dup" + id + "@example.org", "dup_" + id, PASSWORD, "10.3.0.1").status());
        HttpInvocation.Response sameEmail = api.register("DUP" + id + "@EXAMPLE.org", "other_" + id, PASSWORD, "10.3.0.1");
        assertEquals(409, sameEmail.status());
        assertEquals("An account with this email address already exists", sameEmail.json().path("detail").asText());
        HttpInvocation.Response sameName = api.register("new" + id + "@example.org", "DUP_" + id, PASSWORD, "10.3.0.1");
        assertEquals(409, sameName.status());
        assertTrue(sameName.json().path("detail").asText().contains("is taken"));
        // The failed attempts reserved nothing: their other half is still free.
        assertEquals(201, api.register("new" + id + "@example.org", "other_" + id, PASSWORD, "10.3.0.1").status());
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        String id = unique();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<HttpInvocation.Response>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "racer" + i + "_" + id;
            results.add(pool.submit(() -> api.register("race" + id + "@example.org", name, PASSWORD, "10.4.0.1")));
        }
        int created = 0;
        for (Future<HttpInvocation.Response> result : results) {
            int status = result.get().status();
            assertTrue(status == 201 || status == 409, "status " + status);
            created += status == 201 ? 1 : 0;
        }
        pool.shutdownNow();
        assertEquals(1, created);
    }

    @Test
    void badRegistrationsAre400NamingTheRuleAndStoreNothing() {
        String id = unique();
        Map<String, String> cases = Map.of(
                json("email", "not-an-email", "username", "u_" + id, "password", PASSWORD), "valid email",
                json("email", "a" + id + "@example.org", "username", "x", "password", PASSWORD), "3 to 32 characters",
                json("email", "a" + id + "@example.org", "username", "u_" + id, "password", "short"), "at least 12",
                json("email", "a" + id + "@example.org", "username", "u_" + id, "password", "1qaz2wsx3edc"), "too common",
                json("email", "a" + id + "@example.org", "username", "u_" + id, "password", "my u_" + id + " secret"), "username",
                json("email", "a" + id + "@example.org", "username", "u_" + id, "password", PASSWORD, "is_admin", true),
                        "Unknown field 'is_admin'",
                json("email", "a" + id + "@example.org", "password", PASSWORD), "'username' is required");
        cases.forEach((json, detail) -> {
            HttpInvocation.Response response = AuthApi.call(new RegisterHandler(api.environment("RegisterFunction", Map.of())),
                    AuthApi.post("/api/auth/register", json, "10.5.0.1"));
            assertEquals(400, response.status(), json);
            assertTrue(response.json().path("detail").asText().contains(detail), response.json().path("detail").asText());
        });
        var marker = api.local.dynamoDb().getItem(r -> r.tableName("AppTable").key(Map.of(
                "pk", AttributeValue.fromS("EMAIL#a" + id + "@example.org"), "sk", AttributeValue.fromS("EMAIL"))));
        assertFalse(marker.hasItem(), "no account was stored");
        assertEquals(0, api.mailsTo("a" + id + "@example.org"));
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        String id = unique();
        api.verifiedLogin(id + "@example.org", "same_" + id, PASSWORD);
        HttpInvocation.Response wrong = api.login("same_" + id, "violet kettle orbit mangos", "10.6.0.1");
        HttpInvocation.Response unknown = api.login("nobody_" + id, PASSWORD, "10.6.0.1");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().path("detail").asText(), unknown.json().path("detail").asText());
        assertEquals("Invalid username or password", unknown.json().path("detail").asText());
    }

    @Test
    void repeatedFailuresLockTheAccountWithTheSameAnswer() {
        String id = unique();
        api.verifiedLogin(id + "@example.org", "lock_" + id, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.login("lock_" + id, "wrong password number " + i, "10.7.0." + i).status());
        }
        HttpInvocation.Response locked = api.login("lock_" + id, PASSWORD, "10.7.0.9");
        assertEquals(401, locked.status(), "even the right password is refused while locked");
        assertEquals("Invalid username or password", locked.json().path("detail").asText());
    }

    @Test
    void theTokenEndpointTakesFormsAndRefusesOtherGrants() {
        String id = unique();
        api.verifiedLogin(id + "@example.org", "form_" + id, PASSWORD);
        HttpInvocation.Response form = api.token(ApiGatewayV2Event.request("POST", "/api/auth/token")
                .header("content-type", "application/x-www-form-urlencoded")
                .body("grant_type=password&username=form_" + id + "&password=violet+kettle+orbit+mango").sourceIp("10.8.0.1"));
        assertEquals(200, form.status(), form.bodyText());
        HttpInvocation.Response otherGrant = api.token(ApiGatewayV2Event.request("POST", "/api/auth/token")
                .header("content-type", "application/x-www-form-urlencoded").body("grant_type=client_credentials").sourceIp("10.8.0.1"));
        assertEquals(400, otherGrant.status());
        assertEquals("unsupported_grant_type", otherGrant.json().path("error").asText());
        HttpInvocation.Response text = api.token(ApiGatewayV2Event.request("POST", "/api/auth/token")
                .header("content-type", "text/plain").body("hello").sourceIp("10.8.0.1"));
        assertEquals(415, text.status());
    }

    @Test
    void resendAlwaysAnswers202AndMailsOnlyUnverifiedAccounts() {
        String id = unique();
        assertEquals(202, api.resend("ghost" + id + "@example.org", "10.9.0.1").status());
        assertEquals(0, api.mailsTo("ghost" + id + "@example.org"));
        api.register("late" + id + "@example.org", "late_" + id, PASSWORD, "10.9.0.1");
        assertEquals(202, api.resend("late" + id + "@example.org", "10.9.0.1").status());
        assertEquals(2, api.mailsTo("late" + id + "@example.org"));
        assertEquals(200, api.verify(api.lastTokenMailedTo("late" + id + "@example.org")).status());
        assertEquals(202, api.resend("late" + id + "@example.org", "10.9.0.1").status());
        assertEquals(2, api.mailsTo("late" + id + "@example.org"), "verified accounts get no mail");
    }

    @Test
    void resendIsThrottledPerAddressWithoutSayingSo() {
        String id = unique();
        api.register("many" + id + "@example.org", "many_" + id, PASSWORD, "10.13.0.1");
        for (int i = 0; i < 5; i++) {
            assertEquals(202, api.resend("many" + id + "@example.org", "10.13.0." + (i + 2)).status());
        }
        assertEquals(4, api.mailsTo("many" + id + "@example.org"), "the registration mail and three resends per hour");
    }

    @Test
    void badInputToAnyRateLimitedEndpointIsA400EveryTimeAndCountsNothing() {
        String ip = "10.14.0." + (2 + (int) (Math.random() * 250));
        String[] emails = {"a".repeat(2018) + "@example.org", "", "   ", "not-an-address", "x@y"};
        for (String email : emails) {
            for (int i = 0; i < 4; i++) {
                HttpInvocation.Response resend = api.resend(email, ip);
                assertEquals(400, resend.status(), email.length() + " chars, try " + i + ": " + resend.bodyText());
                assertTrue(resend.json().path("detail").asText().contains("'email'"), resend.bodyText());
            }
        }
        assertEquals(400, api.register("a".repeat(2018) + "@example.org", "longmail", PASSWORD, ip).status());
        assertEquals(400, api.register("ok@example.org", "x", PASSWORD, ip).status());
        assertEquals(400, api.login("", "", ip).status());
        assertEquals(400, api.login("someone", "", ip).status());
        var rateItems = api.local.dynamoDb().scan(r -> r.tableName(api.local.stack().resources().ref("AppTable"))
                .filterExpression("contains(pk, :ip) OR begins_with(pk, :address)")
                .expressionAttributeValues(Map.of(":ip", AttributeValue.fromS(ip),
                        ":address", AttributeValue.fromS("RATE#resend-address#aaaa"))))
                .items();
        assertEquals(List.of(), rateItems, "refused input left no rate-limit counter");
    }

    @Test
    void theWebAppKeepsItsRefreshTokenInAnHttpOnlyCookieThatWorksOnlyWithItsHeader() {
        String id = unique();
        String email = "web" + id + "@example.org";
        assertEquals(201, api.register(email, "web_" + id, PASSWORD, "10.15.0.1").status());
        assertEquals(200, api.verify(api.lastTokenMailedTo(email)).status());
        String credentials = json("username", "web_" + id, "password", PASSWORD);

        HttpInvocation.Response login = api.token(AuthApi.post("/api/auth/token", credentials, "10.15.0.1")
                .header("x-orderchainer-client", "web"));
        assertEquals(200, login.status(), login.bodyText());
        assertTrue(login.json().path("access_token").isTextual());
        assertTrue(login.json().path("refresh_token").isMissingNode(), "the page never sees the refresh token: " + login.bodyText());
        String cookie = login.header("set-cookie");
        assertTrue(cookie.matches("oc_refresh=[A-Za-z0-9_-]{20,}; Path=/api/auth; Max-Age=" + login.json().path("refresh_expires_in").asLong()
                + "; HttpOnly; SameSite=Strict"), "the cookie lives as long as the session: " + cookie);
        String token = cookie.substring("oc_refresh=".length(), cookie.indexOf(';'));
        assertEquals("no-store", login.header("cache-control"));

        HttpInvocation.Response secure = api.token(AuthApi.post("/api/auth/token", credentials, "10.15.0.1")
                .header("x-orderchainer-client", "web").header("x-forwarded-proto", "https"));
        assertTrue(secure.header("set-cookie").endsWith("; Secure"), "Secure over https: " + secure.header("set-cookie"));
        assertEquals(null, api.token(AuthApi.post("/api/auth/token", credentials, "10.15.0.1")).header("set-cookie"),
                "other clients get the token in the body, no cookie");

        HttpInvocation.Response withoutHeader = api.refresh(AuthApi.post("/api/auth/refresh", "{}", "10.15.0.1")
                .header("cookie", "oc_refresh=" + token));
        assertEquals(400, withoutHeader.status(), "a cookie alone (a cross-site form) is not accepted: " + withoutHeader.bodyText());

        HttpInvocation.Response refreshed = api.refresh(AuthApi.post("/api/auth/refresh", "{}", "10.15.0.1")
                .header("x-orderchainer-client", "web").header("cookie", "theme=dark; oc_refresh=" + token));
        assertEquals(200, refreshed.status(), refreshed.bodyText());
        assertTrue(refreshed.json().path("refresh_token").isMissingNode());
        String rotated = refreshed.header("set-cookie");
        assertNotEquals(cookie, rotated, "rotation: a new refresh token in the cookie");

        // A reload lost that answer, so the browser still holds the old cookie: presented again at once, it works.
        HttpInvocation.Response repeated = api.refresh(AuthApi.post("/api/auth/refresh", "{}", "10.15.0.1")
                .header("x-orderchainer-client", "web").header("cookie", "oc_refresh=" + token));
        assertEquals(200, repeated.status(), "a lost answer does not end the session: " + repeated.bodyText());
        String kept = repeated.header("set-cookie");
        assertNotEquals(rotated, kept);

        HttpInvocation.Response loggedOut = api.logout(ApiGatewayV2Event.request("POST", "/api/auth/logout")
                .header("authorization", "Bearer " + repeated.json().path("access_token").asText()).header("x-orderchainer-client", "web"));
        assertEquals(204, loggedOut.status());
        assertEquals("oc_refresh=; Path=/api/auth; Max-Age=0; HttpOnly; SameSite=Strict", loggedOut.header("set-cookie"));
        for (String set : List.of(rotated, kept)) {
            String spent = set.substring("oc_refresh=".length(), set.indexOf(';'));
            assertEquals(401, api.refresh(AuthApi.post("/api/auth/refresh", "{}", "10.15.0.1").header("x-orderchainer-client", "web")
                    .header("cookie", "oc_refresh=" + spent)).status(), "the session ended with the logout");
        }
    }

    @Test
    void tokenFunctionsRefuseToStartWithAnUnusableOrUnpublishedSigningKey() {
        String weakSecret = api.local.secrets().put("test/weak-signing-keys", "{\"current_kid\":\"k\",\"current_secret\":\"changeme\"}");
        var weak = api.environment("TokenFunction", Map.of("SIGNING_KEYS_SECRET", weakSecret));
        var error = Assertions.assertThrows(
                ConfigurationException.class, () -> new TokenHandler(weak));
        assertTrue(error.getMessage().contains("test/weak-signing-keys"), error.getMessage());
        String unpublished = api.local.secrets().put("test/unpublished-keys", SigningKeys.generate(Instant.now()).toJson());
        var elsewhere = api.environment("RefreshFunction", Map.of("SIGNING_KEYS_SECRET", unpublished));
        var refused = Assertions.assertThrows(ConfigurationException.class, () -> new RefreshHandler(elsewhere));
        assertTrue(refused.getMessage().contains("ACCESS_TOKEN_PUBLIC_KEYS"), refused.getMessage());
    }

    @Test
    void rateLimitsAnswer429WithRetryAfterPerSourceIp() {
        RegisterHandler strict = new RegisterHandler(api.environment("RegisterFunction", Map.of("REGISTER_RATE_LIMIT_PER_HOUR", "2")));
        String ip = "10.10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        Supplier<String> account = () -> {
            String id = unique();
            return json("email", "limit" + id + "@example.org", "username", "limit_" + id, "password", PASSWORD);
        };
        for (int i = 0; i < 2; i++) {
            assertEquals(201, AuthApi.call(strict, AuthApi.post("/api/auth/register", account.get(), ip)).status());
        }
        HttpInvocation.Response limited = AuthApi.call(strict, AuthApi.post("/api/auth/register", account.get(), ip));
        assertEquals(429, limited.status());
        assertTrue(Integer.parseInt(limited.header("retry-after")) > 0);
        assertEquals("application/problem+json", limited.header("content-type"));
        assertEquals(201, AuthApi.call(strict, AuthApi.post("/api/auth/register", account.get(), "10.11.0." + (int) (Math.random() * 250)))
                .status(), "other addresses are not affected");
    }

    @Test
    void behindCloudFrontEachViewerOfOneEdgeHasItsOwnLimitAndForgedViewersChangeNothing() {
        RegisterHandler strict = new RegisterHandler(api.environment("RegisterFunction",
                Map.of("REGISTER_RATE_LIMIT_PER_HOUR", "2", "ORIGIN_VERIFY_VALUES", "origin-secret-in-use,origin-secret-rotated")));
        String edge = "130.176." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        String viewerA = "198.51." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + ":41000";
        String viewerB = "203.0." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + ":52000";
        Supplier<String> account = () -> {
            String id = unique();
            return json("email", "edge" + id + "@example.org", "username", "edge_" + id, "password", PASSWORD);
        };
        Function<String, HttpInvocation.Response> asViewerA = secret -> AuthApi.call(strict, AuthApi.post("/api/auth/register", account.get(), edge)
                .header("cloudfront-viewer-address", viewerA).header("x-origin-verify", secret));
        for (int i = 0; i < 5; i++) {
            HttpInvocation.Response forged = AuthApi.call(strict, AuthApi.post("/api/auth/register", account.get(), edge)
                    .header("cloudfront-viewer-address", viewerA));
            assertEquals(403, forged.status(), "no origin secret: the execute-api endpoint is closed");
            assertEquals("application/problem+json", forged.header("content-type"));
        }
        assertEquals(201, asViewerA.apply("origin-secret-in-use").status(), "the refused requests counted for nobody");
        assertEquals(201, asViewerA.apply("origin-secret-rotated").status(), "the secret being rotated out still admits");
        assertEquals(429, asViewerA.apply("origin-secret-in-use").status());
        assertEquals(201, AuthApi.call(strict, AuthApi.post("/api/auth/register", account.get(), edge)
                .header("cloudfront-viewer-address", viewerB).header("x-origin-verify", "origin-secret-in-use")).status(),
                "another viewer behind the same edge has its own limit");
    }

    @Test
    void withoutCloudFrontAForgedViewerAddressDoesNotEscapeTheLimit() {
        RegisterHandler strict = new RegisterHandler(api.environment("RegisterFunction", Map.of("REGISTER_RATE_LIMIT_PER_HOUR", "2")));
        String ip = "10.13." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        for (int i = 0; i < 3; i++) {
            String id = unique();
            HttpInvocation.Response response = AuthApi.call(strict, AuthApi.post("/api/auth/register",
                    json("email", "forge" + id + "@example.org", "username", "forge_" + id, "password", PASSWORD), ip)
                    .header("cloudfront-viewer-address", "192.0.2." + i + ":4000").header("x-origin-verify", "a guess"));
            assertEquals(i < 2 ? 201 : 429, response.status(), "request " + (i + 1) + " counts against " + ip);
        }
    }

    @Test
    void loginWithoutVerificationWhenItIsNotRequired() {
        String id = unique();
        api.register(id + "@example.org", "noverify_" + id, PASSWORD, "10.12.0.1");
        TokenHandler relaxed = new TokenHandler(api.environment("TokenFunction", Map.of("REQUIRE_EMAIL_VERIFICATION", "false")));
        HttpInvocation.Response login = AuthApi.call(relaxed, AuthApi.post("/api/auth/token",
                json("email", id + "@example.org", "password", PASSWORD), "10.12.0.1"));
        assertEquals(200, login.status(), login.bodyText());
    }

    @Test
    void forgedTokensAreRefusedAtLogout() {
        assertEquals(401, api.logout("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").status());
        assertEquals(401, AuthApi.call(new LogoutHandler(api.environment("LogoutFunction", Map.of())),
                ApiGatewayV2Event.request("POST", "/api/auth/logout")).status());
    }
}
