package dev.orderchainer.localcloud.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.orderchainer.common.table.TableKeys;
import dev.orderchainer.local.ProjectFiles;
import dev.orderchainer.localcloud.LocalCloud;
import dev.orderchainer.localcloud.LocalCloudFixtures;
import dev.orderchainer.localcloud.LoopbackClient;
import dev.orderchainer.security.SigningKeys;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The attacks an API like ours meets, each asserted over real HTTP against the whole stack of
 * template.yaml in the local cloud: forged and misused JWTs on every authenticated operation,
 * one user reaching for another's data on every endpoint, mass assignment, SSRF through webhook
 * URLs, account enumeration at login, refresh token reuse, logout, and per-IP rate limits.
 * Each caller gets its own loopback source address, which is the IP API Gateway reports.
 */
class SecuritySuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "violet kettle orbit mango";
    private static final String UNKNOWN_ORDER = "01JDQ8X3V7M2K9P4R6T8W0Y2A4";
    private static LocalCloud cloud;
    private static JWSSigner signingKey;
    private static String signingKid;
    private static LoopbackClient accounts;
    private static Account alice;
    private static Account bob;
    private static String aliceFirst;
    private static String aliceSecond;
    private static String aliceWebhookId;

    record Account(String id, String username, String email, String access, String refresh) {}

    @BeforeAll
    static void start() throws JOSEException {
        cloud = LocalCloud.start(LocalCloud.Options.forTests(ProjectFiles.template()));
        SigningKeys.Key current = SigningKeys.parse(cloud.services().signingKeysJson(), "local").current();
        signingKey = new ECDSASigner((ECPrivateKey) current.privateKey());
        signingKid = current.kid();
        accounts = client("127.0.0.2");
        alice = register("alice");
        bob = register("bob");
        aliceFirst = create(alice, "{\"title\":\"Alice's first\"}").path("id").asText();
        aliceSecond = create(alice, "{\"title\":\"Alice's second\",\"dependencies\":[\"" + aliceFirst + "\"]}").path("id").asText();
        aliceWebhookId = "12" + (100_000_000_000_000L + (long) (Math.random() * 1e16));
        LoopbackClient.Response connected = accounts.json("POST", "/api/discord", alice.access(),
                "{\"webhook_url\":\"" + LocalCloudFixtures.webhookUrl(aliceWebhookId) + "\"}");
        assertEquals(201, connected.status(), connected.toString());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    // ---- JWT attacks ----

    @Test
    void forgedAndMisusedTokensAre401OnEveryAuthenticatedOperationAndChangeNothing() throws Exception {
        Map<String, String> before = snapshot(alice);
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none", new PlainJWT(claims(alice).build()).serialize());
        attacks.put("alg none with a signature-less token",
                header("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + payloadOf(alice.access()) + ".");
        LoopbackClient.Response published = accounts.get("/api/auth/jwks.json", null);
        assertEquals(200, published.status(), published.toString());
        ECKey publicKey = ECKey.parse(JSON.readTree(published.body()).path("keys").get(0).toString());
        byte[] der = publicKey.toECPublicKey().getEncoded();
        attacks.put("HS256 with the public key (DER) as secret", sign(JWSAlgorithm.HS256, new JOSEObjectType("at+jwt"),
                claims(alice).build(), new MACSigner(padded(der))));
        attacks.put("HS256 with the published key set as secret", sign(JWSAlgorithm.HS256, new JOSEObjectType("at+jwt"),
                claims(alice).build(), new MACSigner(padded(published.body().getBytes(StandardCharsets.UTF_8)))));
        ECKey attackers = new ECKeyGenerator(Curve.P_256).keyID(signingKid).generate();
        attacks.put("another key under our kid", signed(alice, new ECDSASigner(attackers), c -> {}));
        attacks.put("a key of its own in the header", embeddedKey(alice, attackers));
        attacks.put("payload changed to another user", alice.access().substring(0, alice.access().indexOf('.') + 1)
                + payloadOf(signed(bob, signingKey, c -> {})) + alice.access().substring(alice.access().lastIndexOf('.')));
        attacks.put("expired", signed(alice, signingKey, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
        attacks.put("wrong issuer", signed(alice, signingKey, c -> c.issuer("https://evil.example")));
        attacks.put("wrong audience", signed(alice, signingKey, c -> c.audience("another-api")));
        attacks.put("refresh typ claim", signed(alice, signingKey, c -> c.claim("typ", "refresh")));
        attacks.put("JWT typ header", sign(JWSAlgorithm.ES256, JOSEObjectType.JWT, claims(alice).build(), signingKey));
        attacks.put("no jti", signed(alice, signingKey, c -> c.jwtID(null)));
        attacks.put("no subject", signed(alice, signingKey, c -> c.subject(null)));
        attacks.put("no expiry", signed(alice, signingKey, c -> c.expirationTime(null)));
        attacks.put("refresh token as bearer", alice.refresh());
        attacks.put("empty bearer", "");
        attacks.put("garbage", "not.a.jwt");

        LoopbackClient attacker = client("127.0.0.3");
        int checked = 0;
        for (Operation operation : authenticatedOperations()) {
            for (Map.Entry<String, String> attack : attacks.entrySet()) {
                LoopbackClient.Response response = operation.send(attacker, attack.getValue());
                String where = attack.getKey() + " on " + operation;
                assertEquals(401, response.status(), where + ": " + response);
                assertEquals("application/problem+json", response.header("content-type"), where);
                assertTrue(response.header("www-authenticate").startsWith("Bearer"), where);
                checked++;
            }
        }
        assertEquals(authenticatedOperations().size() * attacks.size(), checked);
        assertTrue(checked >= 12 * 16, "every authenticated operation met every attack");
        assertEquals(before, snapshot(alice), "no attack changed Alice's data");
        assertEquals(200, accounts.get("/api/orders", alice.access()).status(), "and Alice's own token still works");
    }

    // ---- BOLA ----

    @Test
    void anotherUsersTokenReachesNothingOfAlicesOnAnyEndpoint() {
        Map<String, String> before = snapshot(alice);
        String bobsOrder = create(bob, "{\"title\":\"Bob's\"}").path("id").asText();
        LoopbackClient from = client("127.0.0.4");

        for (String id : List.of(aliceFirst, aliceSecond)) {
            assertNotFoundLikeAnUnknownOrder(from.get("/api/orders/" + id, bob.access()), id);
            assertNotFoundLikeAnUnknownOrder(from.json("PUT", "/api/orders/" + id, bob.access(), "{\"title\":\"mine now\"}"), id);
            assertNotFoundLikeAnUnknownOrder(from.json("PUT", "/api/orders/" + id, bob.access(), "{\"status\":\"failed\"}"), id);
            assertNotFoundLikeAnUnknownOrder(from.send("DELETE", "/api/orders/" + id, bob.access(), null, null), id);
        }
        assertNotFoundLikeAnUnknownOrder(from.get("/api/orders/" + UNKNOWN_ORDER, bob.access()), UNKNOWN_ORDER);

        LoopbackClient.Response borrowing = from.json("POST", "/api/orders", bob.access(),
                "{\"title\":\"Borrow\",\"dependencies\":[\"" + aliceFirst + "\"]}");
        assertEquals(404, borrowing.status(), borrowing.toString());
        assertEquals("Dependencies not found: " + aliceFirst, borrowing.json().path("detail").asText());
        LoopbackClient.Response linking = from.json("PUT", "/api/orders/" + bobsOrder, bob.access(),
                "{\"dependencies\":[\"" + aliceSecond + "\"]}");
        assertEquals(404, linking.status(), linking.toString());

        for (String listing : List.of("/api/orders", "/api/orders?status=pending", "/api/orders?view=ready",
                "/api/orders?view=blocked", "/api/orders/graph", "/api/orders/graph?format=mermaid")) {
            LoopbackClient.Response seen = from.get(listing, bob.access());
            assertEquals(200, seen.status(), listing + ": " + seen);
            assertFalse(seen.body().contains(aliceFirst) || seen.body().contains(aliceSecond) || seen.body().contains("Alice"),
                    listing + " shows Alice's orders to Bob: " + seen.body());
        }
        assertEquals(List.of(bobsOrder), ids(from.get("/api/orders", bob.access()).json()));

        String alicesCursor = accounts.get("/api/orders?limit=1", alice.access()).json().path("next_cursor").asText();
        assertFalse(alicesCursor.isEmpty());
        LoopbackClient.Response replayed = from.get("/api/orders?limit=1&cursor=" + alicesCursor, bob.access());
        assertEquals(400, replayed.status(), "a cursor from Alice's listing is refused for Bob: " + replayed);

        for (Operation discord : List.of(new Operation("GET", "/api/discord", null), new Operation("PUT", "/api/discord",
                "{\"username\":\"Bob's bot\"}"), new Operation("DELETE", "/api/discord", null),
                new Operation("POST", "/api/discord/test", null))) {
            LoopbackClient.Response response = discord.send(from, bob.access());
            assertEquals(404, response.status(), discord + ": " + response);
            assertFalse(response.body().contains(aliceWebhookId), discord + " leaks Alice's webhook");
        }
        assertTrue(cloud.discordSink().received().stream().noneMatch(m -> m.webhookId().equals(aliceWebhookId)
                        && m.body().toString().contains("test")),
                "Bob's test message never reached Alice's channel");
        assertEquals(before, snapshot(alice), "Alice's orders, graph and integration are untouched");
    }

    private static void assertNotFoundLikeAnUnknownOrder(LoopbackClient.Response response, String id) {
        assertEquals(404, response.status(), response.toString());
        assertEquals("Order " + id + " not found", response.json().path("detail").asText());
    }

    // ---- mass assignment ----

    @Test
    void fieldsTheServerOwnsCannotBeSetByAnyRequest() {
        Map<String, String> before = snapshot(alice);
        LoopbackClient from = client("127.0.0.5");
        Map<String, String> serverOwned = new LinkedHashMap<>();
        serverOwned.put("id", "\"" + UNKNOWN_ORDER + "\"");
        serverOwned.put("user_id", "\"" + bob.id() + "\"");
        serverOwned.put("owner", "\"" + bob.id() + "\"");
        serverOwned.put("created_at", "\"2020-01-01T00:00:00Z\"");
        serverOwned.put("updated_at", "\"2020-01-01T00:00:00Z\"");
        serverOwned.put("dependents", "[\"" + aliceSecond + "\"]");
        serverOwned.put("blocked_by", "[]");
        serverOwned.put("blocked_by_failure", "false");
        serverOwned.put("pk", "\"USER#" + bob.id() + "\"");
        serverOwned.put("sk", "\"ORDER#x\"");
        serverOwned.forEach((field, value) -> {
            LoopbackClient.Response created = from.json("POST", "/api/orders", alice.access(),
                    "{\"title\":\"Sneaky\"," + "\"" + field + "\":" + value + "}");
            assertEquals(400, created.status(), field + ": " + created);
            assertTrue(created.json().path("detail").asText().startsWith("Unknown field '" + field + "'"), created.toString());
            LoopbackClient.Response updated = from.json("PUT", "/api/orders/" + aliceFirst, alice.access(),
                    "{\"" + field + "\":" + value + "}");
            assertEquals(400, updated.status(), field + ": " + updated);
        });
        assertEquals(400, from.json("PUT", "/api/orders/" + aliceFirst, alice.access(), "{\"version\":\"9\"}").status());

        for (String field : List.of("\"id\":\"u-1\"", "\"email_verified\":true", "\"role\":\"admin\"", "\"created_at\":\"2020-01-01T00:00:00Z\"")) {
            String name = "mass" + UUID.randomUUID().toString().substring(0, 8);
            LoopbackClient.Response registered = from.json("POST", "/api/auth/register", null, "{\"email\":\"" + name
                    + "@example.org\",\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"," + field + "}");
            assertEquals(400, registered.status(), field + ": " + registered);
            assertEquals(401, login(from, name, PASSWORD).status(), "no account was stored for " + field);
        }

        for (String field : List.of("\"user_id\":\"" + bob.id() + "\"", "\"webhook_id\":\"1\"", "\"webhook_token\":\"x\"",
                "\"disabled\":true", "\"disabled_reason\":\"x\"", "\"created_at\":\"2020-01-01T00:00:00Z\"")) {
            LoopbackClient.Response changed = from.json("PUT", "/api/discord", alice.access(), "{" + field + "}");
            assertEquals(400, changed.status(), field + ": " + changed);
            LoopbackClient.Response connected = from.json("POST", "/api/discord", bob.access(),
                    "{\"webhook_url\":\"" + LocalCloudFixtures.webhookUrl("123456789012345678") + "\"," + field + "}");
            assertEquals(400, connected.status(), field + ": " + connected);
        }
        assertEquals(404, from.get("/api/discord", bob.access()).status(), "Bob has no integration after all that");
        assertEquals(before, snapshot(alice));
    }

    // ---- SSRF ----

    @Test
    void webhookUrlsCanOnlyNameDiscordAndNothingElseIsEverContacted() throws Exception {
        AtomicInteger contacted = new AtomicInteger();
        HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", exchange -> {
            contacted.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        internal.start();
        try {
            int port = internal.getAddress().getPort();
            String path = "/api/webhooks/123456789012345678/Xy3kP9mQ2vL8nR4tW6zA1bC5dE7fG0hJ";
            List<String> urls = List.of(
                    "http://127.0.0.1:" + port + path,
                    "https://127.0.0.1:" + port + path,
                    "http://localhost:" + port + path,
                    "https://localhost" + path,
                    "http://discord.com" + path,
                    "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
                    "https://169.254.169.254" + path,
                    "https://[::1]" + path,
                    "https://[::ffff:127.0.0.1]" + path,
                    "https://2130706433" + path,
                    "https://0x7f000001" + path,
                    "https://discord.com.evil.example" + path,
                    "https://evil.example/discord.com" + path,
                    "https://discord.com@127.0.0.1:" + port + path,
                    "https://127.0.0.1:" + port + "#@discord.com" + path,
                    "https://127.0.0.1:" + port + "\\@discord.com" + path,
                    "https://discord.com:" + port + path,
                    "https://discord.com%2e127.0.0.1.nip.io" + path,
                    "https://discord.com" + path + "?redirect=http://127.0.0.1:" + port,
                    "https://discord.com" + path + "/../../../../internal",
                    "https://discord.com/api/webhooks/123456789012345678/..%2F..%2Finternal%2Fabcdefghijklmnop",
                    "https://dіscord.com" + path,
                    "file:///etc/passwd",
                    "gopher://127.0.0.1:" + port + "/_POST",
                    "ftp://discord.com" + path,
                    "//discord.com" + path,
                    "discord.com" + path);
            Account carol = register("carol");
            LoopbackClient from = client("127.0.0.6");
            for (String url : urls) {
                LoopbackClient.Response response = from.json("POST", "/api/discord", carol.access(),
                        JSON.writeValueAsString(Map.of("webhook_url", url)));
                assertEquals(400, response.status(), url + ": " + response);
                assertTrue(response.json().path("detail").asText().startsWith("Field 'webhook_url' is not a Discord webhook URL"),
                        url + ": " + response);
            }
            assertEquals(404, from.get("/api/discord", carol.access()).status(), "nothing was stored");

            String before = accounts.get("/api/discord", alice.access()).body();
            for (String url : urls) {
                LoopbackClient.Response response = from.json("PUT", "/api/discord", alice.access(),
                        JSON.writeValueAsString(Map.of("webhook_url", url)));
                assertEquals(400, response.status(), url + ": " + response);
            }
            assertEquals(before, accounts.get("/api/discord", alice.access()).body(), "Alice's webhook is unchanged");
            assertEquals(0, contacted.get(), "no request ever reached an address named in a webhook URL");
        } finally {
            internal.stop(0);
        }
    }

    // ---- enumeration ----

    @Test
    void loginAnswersTheSameWhetherOrNotTheAccountExists() {
        LoopbackClient from = client("127.0.0.7");
        Account dave = register("dave");
        Map<String, LoopbackClient.Response> answers = new LinkedHashMap<>();
        answers.put("unknown username", login(from, "nobody_" + UUID.randomUUID().toString().substring(0, 8), PASSWORD));
        answers.put("unknown email", login(from, "nobody@example.org", PASSWORD));
        answers.put("known username, wrong password", login(from, dave.username(), PASSWORD + "!"));
        answers.put("known email, wrong password", login(from, dave.email(), PASSWORD + "!"));
        answers.put("known email in capitals, wrong password", login(from, dave.email().toUpperCase(Locale.ROOT), "x" + PASSWORD));
        LoopbackClient.Response first = answers.values().iterator().next();
        assertEquals(401, first.status(), first.toString());
        answers.forEach((what, answer) -> {
            assertEquals(first.status(), answer.status(), what);
            assertEquals(first.body(), answer.body(), what);
            assertEquals(first.headers().keySet(), answer.headers().keySet(), what);
            assertEquals(first.header("www-authenticate"), answer.header("www-authenticate"), what);
        });

        Map<String, LoopbackClient.Response> resends = new LinkedHashMap<>();
        resends.put("unknown", from.json("POST", "/api/auth/resend-verification", null, "{\"email\":\"ghost@example.org\"}"));
        resends.put("verified", from.json("POST", "/api/auth/resend-verification", null, "{\"email\":\"" + dave.email() + "\"}"));
        LoopbackClient.Response unverified = from.json("POST", "/api/auth/register", null, "{\"email\":\"erin" + dave.username()
                + "@example.org\",\"username\":\"erin" + dave.username() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, unverified.status());
        resends.put("unverified", from.json("POST", "/api/auth/resend-verification", null,
                "{\"email\":\"erin" + dave.username() + "@example.org\"}"));
        resends.forEach((what, answer) -> {
            assertEquals(202, answer.status(), what + ": " + answer);
            assertEquals(resends.get("unknown").body(), answer.body(), what);
        });
    }

    // ---- refresh reuse and logout ----

    @Test
    void reusingARotatedRefreshTokenEndsTheWholeSession() {
        Account erin = register("erin");
        LoopbackClient from = client("127.0.0.8");
        JsonNode rotated = refresh(from, erin.refresh());
        assertEquals(200, from.get("/api/orders", rotated.path("access_token").asText()).status());

        LoopbackClient.Response reuse = from.json("POST", "/api/auth/refresh", null, "{\"refresh_token\":\"" + erin.refresh() + "\"}");
        assertEquals(401, reuse.status(), "the old refresh token is refused: " + reuse);
        LoopbackClient.Response stolenNext = from.json("POST", "/api/auth/refresh", null,
                "{\"refresh_token\":\"" + rotated.path("refresh_token").asText() + "\"}");
        assertEquals(401, stolenNext.status(), "the whole family is revoked, the newest refresh token too");
        for (String access : List.of(erin.access(), rotated.path("access_token").asText())) {
            LoopbackClient.Response after = from.get("/api/orders", access);
            assertEquals(401, after.status(), "access tokens of the revoked session stop working: " + after);
        }
        Account again = login(erin);
        assertEquals(200, from.get("/api/orders", again.access()).status(), "a new login starts a new session");
    }

    @Test
    void logoutEndsTheSessionEverywhereAndOnlyThatSession() throws Exception {
        Account frank = register("frank");
        Account otherDevice = login(frank);
        LoopbackClient from = client("127.0.0.9");
        JsonNode rotated = refresh(from, frank.refresh());
        String latest = rotated.path("access_token").asText();

        assertEquals(204, from.send("POST", "/api/auth/logout", latest, null, null).status());
        for (String access : List.of(latest, frank.access())) {
            for (Operation operation : authenticatedOperations()) {
                LoopbackClient.Response response = operation.send(from, access);
                assertEquals(401, response.status(), "after logout, " + operation + ": " + response);
            }
        }
        LoopbackClient.Response refreshed = from.json("POST", "/api/auth/refresh", null,
                "{\"refresh_token\":\"" + rotated.path("refresh_token").asText() + "\"}");
        assertEquals(401, refreshed.status(), "the session's refresh token ended with it");
        assertEquals(200, from.get("/api/orders", otherDevice.access()).status(), "the other session still works");
        assertTrue(refresh(from, otherDevice.refresh()).path("access_token").isTextual(), "and can still refresh");
    }

    // ---- rate limits ----

    @Test
    void eachPublicAuthEndpointIsRateLimitedPerSourceIp() throws InterruptedException {
        record Limited(String function, String variable, String path, String body, Duration window) {}
        List<Limited> limits = List.of(
                new Limited("TokenFunction", "TOKEN_RATE_LIMIT_PER_MINUTE", "/api/auth/token",
                        "{\"username\":\"nobody\",\"password\":\"wrong password\"}", Duration.ofMinutes(1)),
                new Limited("RegisterFunction", "REGISTER_RATE_LIMIT_PER_HOUR", "/api/auth/register",
                        "{\"email\":\"burst" + UUID.randomUUID().toString().substring(0, 8)
                                + "@example.org\",\"username\":\"burst_limit\",\"password\":\"violet kettle orbit mango\"}",
                        Duration.ofHours(1)),
                new Limited("RefreshFunction", "REFRESH_RATE_LIMIT_PER_MINUTE", "/api/auth/refresh", "{\"refresh_token\":\"nope\"}",
                        Duration.ofMinutes(1)),
                new Limited("ResendVerificationFunction", "RESEND_RATE_LIMIT_PER_HOUR", "/api/auth/resend-verification",
                        "{\"email\":\"ghost@example.org\"}", Duration.ofHours(1)));
        int source = 20;
        for (Limited limited : limits) {
            int allowed = Integer.parseInt(cloud.functions().get(limited.function()).environment().get(limited.variable()));
            LoopbackClient noisy = client("127.0.0." + source++);
            awayFromWindowEdge(limited.window());
            for (int i = 0; i < allowed; i++) {
                LoopbackClient.Response response = noisy.json("POST", limited.path(), null, limited.body());
                assertNotEquals(429, response.status(), limited.path() + " request " + (i + 1) + " of " + allowed);
            }
            LoopbackClient.Response refused = noisy.json("POST", limited.path(), null, limited.body());
            assertEquals(429, refused.status(), limited.path() + " after " + allowed + ": " + refused);
            assertEquals("application/problem+json", refused.header("content-type"));
            int retryAfter = Integer.parseInt(refused.header("retry-after"));
            assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
            LoopbackClient.Response neighbour = client("127.0.0." + source++).json("POST", limited.path(), null, limited.body());
            assertNotEquals(429, neighbour.status(), limited.path() + " from another address: " + neighbour);
        }
    }

    // ---- helpers ----

    /** The limiter counts in fixed windows: start a burst at least 20 s before the current one ends. */
    private static void awayFromWindowEdge(Duration window) throws InterruptedException {
        long left = window.toMillis() - System.currentTimeMillis() % window.toMillis();
        if (left < 20_000) {
            Thread.sleep(left + 100);
        }
    }

    /** An operation of the API description that needs a token, with a body where it takes one. */
    record Operation(String method, String path, String body) {
        LoopbackClient.Response send(LoopbackClient client, String bearer) {
            return body == null ? client.send(method, path, bearer, null, null) : client.json(method, path, bearer, body);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Read from infra/openapi.yaml, so an endpoint added there is attacked here with no change. */
    private static List<Operation> authenticatedOperations() throws Exception {
        JsonNode spec = JSON.valueToTree(new Yaml().load(Files.readString(ProjectFiles.root().resolve("infra/openapi.yaml"))));
        String webhook = "{\"webhook_url\":\"" + LocalCloudFixtures.webhookUrl("123456789012345679") + "\"}";
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("POST /api/orders", "{\"title\":\"Forged\"}"),
                Map.entry("PUT /api/orders/{id}", "{\"status\":\"failed\"}"),
                Map.entry("POST /api/discord", webhook),
                Map.entry("PUT /api/discord", "{\"username\":\"Forged\"}"),
                Map.entry("POST /api/workspaces", "{\"name\":\"Forged\"}"),
                Map.entry("PUT /api/workspaces/{wid}", "{\"name\":\"Forged\"}"),
                Map.entry("PUT /api/workspaces/{wid}/members/{user_id}", "{\"role\":\"owner\"}"),
                Map.entry("POST /api/workspaces/{wid}/orders", "{\"title\":\"Forged\"}"),
                Map.entry("PUT /api/workspaces/{wid}/orders/{id}", "{\"status\":\"failed\"}"),
                Map.entry("POST /api/workspaces/{wid}/discord", webhook),
                Map.entry("PUT /api/workspaces/{wid}/discord", "{\"username\":\"Forged\"}"),
                Map.entry("POST /api/workspaces/{wid}/discord/webhooks", webhook),
                Map.entry("PUT /api/workspaces/{wid}/discord/webhooks/{hid}", "{\"username\":\"Forged\"}"),
                Map.entry("POST /api/workspaces/{wid}/discord/webhooks/{hid}/preview", "{\"event\":\"created\"}"),
                Map.entry("POST /api/workspaces/{wid}/invitations", "{\"email\":\"forged@example.org\",\"role\":\"owner\"}"),
                Map.entry("POST /api/invitations/accept", "{\"token\":\"" + alice.id() + ".inv_forged.forged\"}"));
        List<Operation> operations = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getKey().equals("parameters") || op.getValue().has("security") && op.getValue().path("security").isEmpty()) {
                return;
            }
            String method = op.getKey().toUpperCase(Locale.ROOT);
            String key = method + " " + path.getKey();
            assertTrue(!op.getValue().has("requestBody") || bodies.containsKey(key), key + " needs a sample body here");
            // Alice's personal workspace is the workspace the {wid} routes attack: what snapshot() shows of her must not change.
            operations.add(new Operation(method, path.getKey().replace("{id}", aliceFirst).replace("{wid}", alice.id())
                    .replace("{user_id}", alice.id()).replace("{hid}", TableKeys.ORIGINAL_WEBHOOK_ID), bodies.get(key)));
        }));
        return operations;
    }

    /** Everything of a user's that an attack could change, as the API shows it. */
    private static Map<String, String> snapshot(Account account) {
        Map<String, String> state = new LinkedHashMap<>();
        Stream.of("/api/orders?limit=100", "/api/orders/graph", "/api/discord", "/api/orders/" + aliceFirst,
                "/api/orders/" + aliceSecond).forEach(path -> {
                    LoopbackClient.Response response = accounts.get(path, account.access());
                    state.put(path, response.status() + " " + response.body());
                });
        return state;
    }

    private static LoopbackClient client(String sourceIp) {
        return new LoopbackClient(cloud.baseUrl().getPort(), sourceIp);
    }

    /** Registers over HTTP, follows the link of the mail the local cloud wrote, and logs in. */
    private static Account register(String name) {
        String username = name + "_" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.org";
        LoopbackClient.Response registered = accounts.json("POST", "/api/auth/register", null,
                "{\"email\":\"" + email + "\",\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, registered.status(), registered.toString());
        LoopbackClient.Response verified = accounts.json("POST", "/api/auth/verify-email", null,
                "{\"token\":\"" + LocalCloudFixtures.verificationToken(email) + "\"}");
        assertEquals(200, verified.status(), verified.toString());
        return login(new Account(registered.json().path("id").asText(), username, email, null, null));
    }

    private static Account login(Account account) {
        LoopbackClient.Response response = login(accounts, account.username(), PASSWORD);
        assertEquals(200, response.status(), response.toString());
        return new Account(account.id(), account.username(), account.email(),
                response.json().path("access_token").asText(), response.json().path("refresh_token").asText());
    }

    private static LoopbackClient.Response login(LoopbackClient client, String username, String password) {
        return client.send("POST", "/api/auth/token", null, "application/x-www-form-urlencoded",
                "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private static JsonNode refresh(LoopbackClient client, String refreshToken) {
        LoopbackClient.Response response = client.json("POST", "/api/auth/refresh", null, "{\"refresh_token\":\"" + refreshToken + "\"}");
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static JsonNode create(Account account, String json) {
        LoopbackClient.Response response = accounts.json("POST", "/api/orders", account.access(), json);
        assertEquals(201, response.status(), response.toString());
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static JWTClaimsSet.Builder claims(Account account) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("orderchainer").audience("orderchainer-api").subject(account.id())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).jwtID(UUID.randomUUID().toString())
                .claim("typ", "access").claim("sid", UUID.randomUUID().toString());
    }

    private static String signed(Account account, JWSSigner key, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = claims(account);
        change.accept(builder);
        return sign(JWSAlgorithm.ES256, new JOSEObjectType("at+jwt"), builder.build(), key);
    }

    private static String sign(JWSAlgorithm algorithm, JOSEObjectType type, JWTClaimsSet claims, JWSSigner key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(type).keyID(signingKid).build(), claims);
            jwt.sign(key);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ES256 token carrying the attacker's own public key (jwk header), signed with it. */
    private static String embeddedKey(Account account, ECKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt")).keyID(signingKid)
                .jwk(key.toPublicJWK()).build(), claims(account).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** An HMAC key of at least 256 bits, as HS256 signers demand: a short public key is repeated. */
    private static byte[] padded(byte[] key) {
        byte[] out = key;
        while (out.length < 32) {
            byte[] longer = new byte[out.length * 2];
            System.arraycopy(out, 0, longer, 0, out.length);
            System.arraycopy(out, 0, longer, out.length, out.length);
            out = longer;
        }
        return out;
    }

    private static String header(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String payloadOf(String jwt) {
        String[] parts = jwt.split("\\.");
        assertNotNull(parts[1]);
        return parts[1];
    }
}
