package dev.orderchainer.auth;

import dev.orderchainer.common.http.HttpResponse;

/** Token responses must never be cached (RFC 6749 section 5.1). */
final class Tokens {
    private Tokens() {}

    static HttpResponse response(Object tokens) {
        return HttpResponse.json(200, tokens).withHeader("cache-control", "no-store").withHeader("pragma", "no-cache");
    }
}
