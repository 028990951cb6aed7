package dev.orderchainer.localcloud.auth;

import static dev.orderchainer.local.JsonText.json;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.auth.LogoutHandler;
import dev.orderchainer.auth.RefreshHandler;
import dev.orderchainer.auth.TokenHandler;
import dev.orderchainer.auth.VerifyEmailHandler;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import dev.orderchainer.local.LocalServices;
import dev.orderchainer.signup.RegisterHandler;
import dev.orderchainer.signup.ResendVerificationHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The auth functions as template.yaml configures them, on DynamoDB Local, with mail written to a folder. */
final class AuthApi {
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    final LocalServices local = LocalServices.shared();
    final Path mailDir;
    private final Map<String, RequestStreamHandler> handlers = new HashMap<>();

    AuthApi(Path mailDir) {
        this.mailDir = mailDir;
    }

    Map<String, String> environment(String function, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(local.environmentOf(function));
        if (env.containsKey("EMAIL_TRANSPORT")) {
            env.put("EMAIL_TRANSPORT", "file");
            env.put("MAIL_DIR", mailDir.toString());
            env.put("EMAIL_FROM", "OrderChainer <no-reply@orderchainer.test>");
            env.put("VERIFY_EMAIL_URL", "http://127.0.0.1:3000/verify-email?token=");
        }
        env.putAll(extra);
        return env;
    }

    private RequestStreamHandler handler(String function, Function<Map<String, String>, RequestStreamHandler> create) {
        return handlers.computeIfAbsent(function, f -> create.apply(environment(f, Map.of())));
    }

    static HttpInvocation.Response call(RequestStreamHandler handler, ApiGatewayV2Event event) {
        return HttpInvocation.invoke(handler, event, new LocalLambdaContext("auth", 1024, 10));
    }

    static ApiGatewayV2Event post(String path, String json, String ip) {
        return ApiGatewayV2Event.request("POST", path).jsonBody(json).sourceIp(ip);
    }

    HttpInvocation.Response register(String email, String username, String password, String ip) {
        return call(handler("RegisterFunction", RegisterHandler::new), post("/api/auth/register",
                json("email", email, "username", username, "password", password), ip));
    }

    HttpInvocation.Response verify(String token) {
        return call(handler("VerifyEmailFunction", VerifyEmailHandler::new),
                post("/api/auth/verify-email", json("token", token), "10.0.0.1"));
    }

    HttpInvocation.Response resend(String email, String ip) {
        return call(handler("ResendVerificationFunction", ResendVerificationHandler::new),
                post("/api/auth/resend-verification", json("email", email), ip));
    }

    HttpInvocation.Response token(ApiGatewayV2Event event) {
        return call(handler("TokenFunction", TokenHandler::new), event);
    }

    HttpInvocation.Response login(String login, String password, String ip) {
        return token(post("/api/auth/token", json("username", login, "password", password), ip));
    }

    HttpInvocation.Response refresh(String refreshToken) {
        return call(handler("RefreshFunction", RefreshHandler::new),
                post("/api/auth/refresh", json("refresh_token", refreshToken), "10.0.0.2"));
    }

    HttpInvocation.Response refresh(ApiGatewayV2Event event) {
        return call(handler("RefreshFunction", RefreshHandler::new), event);
    }

    HttpInvocation.Response logout(ApiGatewayV2Event event) {
        return call(handler("LogoutFunction", LogoutHandler::new), event);
    }

    HttpInvocation.Response logout(String accessToken) {
        return call(handler("LogoutFunction", LogoutHandler::new),
                ApiGatewayV2Event.request("POST", "/api/auth/logout").header("authorization", "Bearer " + accessToken));
    }

    /** Registers, verifies through the emailed link and returns the login's token response. */
    JsonNode verifiedLogin(String email, String username, String password) {
        HttpInvocation.Response registered = register(email, username, password, "10.1.0.1");
        if (registered.status() != 201) {
            throw new AssertionError(registered.bodyText());
        }
        HttpInvocation.Response verified = verify(lastTokenMailedTo(email));
        if (verified.status() != 200) {
            throw new AssertionError(verified.bodyText());
        }
        HttpInvocation.Response tokens = login(username, password, "10.1.0.2");
        if (tokens.status() != 200) {
            throw new AssertionError(tokens.bodyText());
        }
        return tokens.json();
    }

    long mailsTo(String email) {
        return mails(email).count();
    }

    String lastMailTo(String email) {
        return mails(email).max(Comparator.comparing(Path::getFileName)).map(AuthApi::read)
                .orElseThrow(() -> new AssertionError("no mail to " + email));
    }

    String lastTokenMailedTo(String email) {
        String mail = lastMailTo(email);
        Matcher matcher = TOKEN.matcher(mail);
        if (!matcher.find()) {
            throw new AssertionError("no link in " + mail);
        }
        return matcher.group(1);
    }

    private Stream<Path> mails(String email) {
        try (Stream<Path> files = Files.exists(mailDir) ? Files.list(mailDir) : Stream.empty()) {
            return files.filter(p -> read(p).contains("To: " + email + "\r\n")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
