package dev.orderchainer.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JWT attack set against a deployed-shape endpoint, signed with the function's real key where it matters. */
class JwtAttackEndpointTest {
    @TempDir
    Path mailDir;

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("orderchainer").audience("orderchainer-api").subject("u-" + UUID.randomUUID())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).jwtID(UUID.randomUUID().toString())
                .claim("typ", "access").claim("sid", UUID.randomUUID().toString());
    }

    private static String hs(JWSAlgorithm alg, JOSEObjectType type, JWTClaimsSet claims, byte[] key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(type).build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static String with(byte[] key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder builder = claims();
        change.accept(builder);
        return hs(JWSAlgorithm.HS256, new JOSEObjectType("at+jwt"), builder.build(), key);
    }

    @Test
    void everyForgedOrMisusedTokenGets401() throws Exception {
        AuthApi api = new AuthApi(mailDir);
        Map<String, String> env = api.environment("LogoutFunction", Map.of());
        byte[] key = env.get("SECRET_KEY").getBytes(StandardCharsets.UTF_8);
        byte[] longKey = (env.get("SECRET_KEY") + env.get("SECRET_KEY")).getBytes(StandardCharsets.UTF_8);
        LogoutHandler logout = new LogoutHandler(env);

        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("control: a valid token", with(key, c -> {}));
        attacks.put("alg none", new PlainJWT(claims().build()).serialize());
        attacks.put("HS512 with the same key", hs(JWSAlgorithm.HS512, new JOSEObjectType("at+jwt"), claims().build(), longKey));
        attacks.put("bad signature", with("a-different-secret-key-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8), c -> {}));
        attacks.put("expired", with(key, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
        attacks.put("wrong issuer", with(key, c -> c.issuer("evil")));
        attacks.put("wrong audience", with(key, c -> c.audience("another-api")));
        attacks.put("wrong typ claim", with(key, c -> c.claim("typ", "refresh")));
        attacks.put("wrong typ header", hs(JWSAlgorithm.HS256, JOSEObjectType.JWT, claims().build(), key));
        attacks.put("missing jti", with(key, c -> c.jwtID(null)));
        attacks.put("refresh token as access token", "hJ2kL9mN4pQ7rS1tU6vW3xY8zA5bC0dE2fG7hI4jK9l");

        attacks.forEach((name, token) -> {
            HttpInvocation.Response response = AuthApi.call(logout,
                    ApiGatewayV2Event.request("POST", "/api/auth/logout").header("authorization", "Bearer " + token));
            assertEquals(name.startsWith("control") ? 204 : 401, response.status(), name);
        });
    }
}
