package dev.orderchainer.common.http;

import dev.orderchainer.common.config.Env;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a request came through our CloudFront distribution, and whose it is. CloudFront adds the origin
 * header {@value #SECRET_HEADER} with a secret (it replaces any a viewer sends) and, through the origin
 * request policy, {@value #VIEWER_HEADER} ("address:port" of the viewer). With ORIGIN_VERIFY_VALUES set
 * (comma-separated: the secret in use and the one kept valid while it rotates), a request without one of
 * them is refused before anything else runs (the API's own execute-api address is closed), and the
 * viewer's address replaces API Gateway's sourceIp, which behind CloudFront is the edge's: per-address
 * rate limits then count each viewer, not each edge. Without it (the local cloud, which has no
 * distribution in front) requests are taken as they come and a viewer header changes nothing.
 */
public final class CloudFrontOrigin {
    public static final String SECRET_HEADER = "x-origin-verify";
    public static final String VIEWER_HEADER = "cloudfront-viewer-address";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}");
    private final List<byte[]> secrets;

    public CloudFrontOrigin(List<String> secrets) {
        this.secrets = secrets.stream().map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public static CloudFrontOrigin fromEnvironment(Env env) {
        return new CloudFrontOrigin(env.optional("ORIGIN_VERIFY_VALUES").map(v -> Arrays.asList(v.split(","))).orElse(List.of()));
    }

    private boolean enforced() {
        return !secrets.isEmpty();
    }

    /** The request as the endpoint sees it: sourceIp the viewer's; or an {@link ApiProblem} 403 when it bypassed CloudFront. */
    public HttpRequest admit(HttpRequest request) {
        if (!enforced()) {
            return request;
        }
        byte[] sent = request.header(SECRET_HEADER).orElse("").getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] secret : secrets) {
            known |= MessageDigest.isEqual(secret, sent);
        }
        if (!known) {
            throw new ApiProblem(403, "This API answers only through its web address (the CloudFront distribution), not its own endpoint");
        }
        return request.header(VIEWER_HEADER).flatMap(CloudFrontOrigin::viewer).map(request::withSourceIp).orElse(request);
    }

    /**
     * The rate-limit address of "198.51.100.7:46532" or "2001:db8:1:2:3:4:5:6:46532": an IPv4 address as it is, an
     * IPv6 address as its /64 (one subscriber's network: anyone can take a new address inside it at will).
     */
    static Optional<String> viewer(String header) {
        int colon = header.strip().lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String address = header.strip().substring(0, colon);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        var v4 = IPV4.matcher(address);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return Optional.empty();
                }
            }
            return Optional.of(address);
        }
        if (!IPV6.matcher(address).matches() || !address.contains(":")) {
            return Optional.empty();
        }
        return ipv6Network(address);
    }

    private static Optional<String> ipv6Network(String address) {
        String[] halves = address.split("::", -1);
        if (halves.length > 2) {
            return Optional.empty();
        }
        List<String> head = groups(halves[0]);
        List<String> tail = halves.length == 2 ? groups(halves[1]) : List.of();
        int missing = 8 - head.size() - tail.size();
        if (halves.length == 1 ? missing != 0 : missing < 1) {
            return Optional.empty();
        }
        String[] all = new String[8];
        for (int i = 0; i < 8; i++) {
            all[i] = i < head.size() ? head.get(i) : i >= 8 - tail.size() ? tail.get(i - (8 - tail.size())) : "0";
        }
        StringBuilder network = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            if (all[i].isEmpty() || all[i].length() > 4) {
                return Optional.empty();
            }
            network.append(Integer.toHexString(Integer.parseInt(all[i], 16))).append(':');
        }
        return Optional.of(network.append(":/64").toString());
    }

    private static List<String> groups(String part) {
        return part.isEmpty() ? List.of() : Arrays.asList(part.split(":", -1));
    }
}
