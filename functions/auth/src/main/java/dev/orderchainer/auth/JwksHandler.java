package dev.orderchainer.auth;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.http.ApiHandler;
import dev.orderchainer.common.http.HttpRequest;
import dev.orderchainer.common.http.HttpResponse;
import java.util.Map;

/**
 * GET /api/auth/jwks.json → 200, the public keys our access tokens are signed with (RFC 7517 JWK Set: the current,
 * the next and, after a rotation, the previous key), so other services can verify our tokens. Cacheable for five
 * minutes: a rotation publishes the next key one rotation ahead, so a cached set always holds the signing key.
 */
public final class JwksHandler extends ApiHandler<AuthComponents> {
    static final String CONTENT_TYPE = "application/jwk-set+json";
    static final String CACHE_CONTROL = "public, max-age=300";
    private final String jwks;

    public JwksHandler() {
        this(System.getenv());
    }

    public JwksHandler(Map<String, String> environment) {
        super(new AuthComponents(new Env(environment)));
        this.jwks = components.publicKeys().jwks();
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return new HttpResponse(200, Map.of("content-type", CONTENT_TYPE, "cache-control", CACHE_CONTROL), jwks);
    }
}
