package dev.orderchainer.auth;

import dev.orderchainer.auth.domain.TokenPair;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The web app's refresh token: an HttpOnly, SameSite=Strict cookie scoped to /api/auth, so page
 * scripts never see it. A client asks for it with the {@link #CLIENT_HEADER} header, and a cookie is
 * only ever accepted together with that header: a cross-site form cannot set a custom header, so it
 * cannot use the cookie (on top of SameSite).
 */
final class RefreshCookie {
    static final String CLIENT_HEADER = "x-orderchainer-client";
    static final String NAME = "oc_refresh";

    private RefreshCookie() {}

    static boolean wanted(HttpRequest request) {
        return request.header(CLIENT_HEADER).map("web"::equals).orElse(false);
    }

    /** The cookie's token, only with the header (see the class comment). */
    static Optional<String> presented(HttpRequest request) {
        return wanted(request) ? request.cookie(NAME).filter(token -> !token.isEmpty()) : Optional.empty();
    }

    /** The token answer: for the web app without the refresh token in the body, which goes into the cookie instead. */
    static HttpResponse answer(HttpRequest request, TokenPair tokens) {
        if (!wanted(request)) {
            return Tokens.response(tokens);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        body.put("token_type", tokens.tokenType());
        body.put("expires_in", tokens.expiresIn());
        body.put("refresh_expires_in", tokens.refreshExpiresIn());
        return Tokens.response(body).withHeader("set-cookie", cookie(request, tokens.refreshToken(), tokens.refreshExpiresIn()));
    }

    /** Logging out ends the cookie too. */
    static HttpResponse cleared(HttpRequest request, HttpResponse response) {
        return wanted(request) ? response.withHeader("set-cookie", cookie(request, "", 0)) : response;
    }

    /** Secure wherever the client spoke HTTPS (API Gateway says so in X-Forwarded-Proto); the local cloud is plain HTTP. */
    private static String cookie(HttpRequest request, String value, long maxAgeSeconds) {
        boolean https = request.header("x-forwarded-proto").map("https"::equalsIgnoreCase).orElse(false);
        return NAME + "=" + value + "; Path=/api/auth; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }
}
