package dev.orderchainer.localcloud;

import dev.orderchainer.local.template.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers CloudFront adds to the web app, read from the template's response headers
 * policy: the local cloud sends the same ones, so the app is tested under the deployed CSP.
 */
final class WebResponseHeaders {
    static final String POLICY = "WebResponseHeadersPolicy";

    private WebResponseHeaders() {}

    static Map<String, String> of(SamTemplate template) {
        SamTemplate.Resource policy = template.resources().get(POLICY);
        if (policy == null) {
            // A template without the web app (the tests' small ones): its files go out without extra headers.
            return Map.of();
        }
        Map<?, ?> security = (Map<?, ?>) ((Map<?, ?>) policy.properties().get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig");
        Map<String, String> headers = new LinkedHashMap<>();
        Map<?, ?> csp = (Map<?, ?>) security.get("ContentSecurityPolicy");
        if (csp != null) {
            headers.put("content-security-policy", String.valueOf(csp.get("ContentSecurityPolicy")));
        }
        Map<?, ?> hsts = (Map<?, ?>) security.get("StrictTransportSecurity");
        if (hsts != null) {
            headers.put("strict-transport-security", "max-age=" + hsts.get("AccessControlMaxAgeSec")
                    + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : "")
                    + (Boolean.TRUE.equals(hsts.get("Preload")) ? "; preload" : ""));
        }
        Map<?, ?> frames = (Map<?, ?>) security.get("FrameOptions");
        if (frames != null) {
            headers.put("x-frame-options", String.valueOf(frames.get("FrameOption")));
        }
        Map<?, ?> referrer = (Map<?, ?>) security.get("ReferrerPolicy");
        if (referrer != null) {
            headers.put("referrer-policy", String.valueOf(referrer.get("ReferrerPolicy")));
        }
        if (security.containsKey("ContentTypeOptions")) {
            headers.put("x-content-type-options", "nosniff");
        }
        return Map.copyOf(headers);
    }
}
