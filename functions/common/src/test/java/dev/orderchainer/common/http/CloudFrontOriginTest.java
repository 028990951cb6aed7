package dev.orderchainer.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderchainer.common.testing.PlainComponents;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Behind CloudFront: the origin secret admits a request, the viewer's address replaces the edge's. */
class CloudFrontOriginTest {
    private static final String EDGE = "130.176.12.34";

    /** Records what the endpoint saw; answers with the address it was given. */
    static final class AddressHandler extends ApiHandler<PlainComponents> {
        final List<String> seen = new ArrayList<>();

        AddressHandler(Map<String, String> env) {
            super(new PlainComponents(env));
        }

        @Override
        protected HttpResponse handle(HttpRequest request) {
            seen.add(request.sourceIp());
            return HttpResponse.json(200, Map.of("address", request.sourceIp()));
        }
    }

    private static HttpInvocation.Response call(AddressHandler handler, ApiGatewayV2Event event) {
        return HttpInvocation.invoke(handler, event, new LocalLambdaContext("Address", 512, 5));
    }

    private static ApiGatewayV2Event fromEdge() {
        return ApiGatewayV2Event.request("POST", "/api/auth/token").sourceIp(EDGE);
    }

    @Test
    void withoutTheSecretARequestIsRefusedBeforeTheEndpointRuns() {
        AddressHandler handler = new AddressHandler(Map.of("ORIGIN_VERIFY_VALUES", "current-secret,previous-secret"));
        HttpInvocation.Response bare = call(handler, fromEdge().header(CloudFrontOrigin.VIEWER_HEADER, "198.51.100.7:40000"));
        HttpInvocation.Response wrong = call(handler, fromEdge().header(CloudFrontOrigin.SECRET_HEADER, "current-secreT"));
        HttpInvocation.Response prefix = call(handler, fromEdge().header(CloudFrontOrigin.SECRET_HEADER, "current"));
        for (HttpInvocation.Response refused : List.of(bare, wrong, prefix)) {
            assertEquals(403, refused.status());
            assertEquals("application/problem+json", refused.header("content-type"));
            assertTrue(refused.json().path("detail").asText().contains("CloudFront"), refused.bodyText());
        }
        assertEquals(List.of(), handler.seen, "nothing ran");
    }

    @Test
    void bothTheSecretInUseAndTheOneBeingRotatedAdmitAndTheViewerCounts() {
        AddressHandler handler = new AddressHandler(Map.of("ORIGIN_VERIFY_VALUES", "current-secret, previous-secret"));
        for (String secret : List.of("current-secret", "previous-secret")) {
            HttpInvocation.Response admitted = call(handler, fromEdge().header(CloudFrontOrigin.SECRET_HEADER, secret)
                    .header(CloudFrontOrigin.VIEWER_HEADER, "198.51.100.7:46532"));
            assertEquals(200, admitted.status());
        }
        HttpInvocation.Response noViewer = call(handler, fromEdge().header(CloudFrontOrigin.SECRET_HEADER, "current-secret"));
        assertEquals(200, noViewer.status());
        assertEquals(List.of("198.51.100.7", "198.51.100.7", EDGE), handler.seen, "no viewer header: the edge's address");
    }

    @Test
    void withoutCloudFrontInFrontAViewerHeaderChangesNothing() {
        AddressHandler local = new AddressHandler(Map.of());
        HttpInvocation.Response forged = call(local, ApiGatewayV2Event.request("POST", "/api/auth/token").sourceIp("127.0.0.1")
                .header(CloudFrontOrigin.VIEWER_HEADER, "203.0.113.9:1234").header(CloudFrontOrigin.SECRET_HEADER, "guess"));
        assertEquals(200, forged.status());
        assertEquals(List.of("127.0.0.1"), local.seen);
    }

    @Test
    void viewerAddressesAreReadAsCloudFrontWritesThem() {
        assertEquals(Optional.of("198.51.100.7"), CloudFrontOrigin.viewer("198.51.100.7:46532"));
        assertEquals(Optional.of("2001:db8:85a3:0::/64"), CloudFrontOrigin.viewer("2001:db8:85a3:0:0:8a2e:370:7334:46532"));
        assertEquals(CloudFrontOrigin.viewer("2001:db8:85a3::1:46532"), CloudFrontOrigin.viewer("2001:0db8:85a3:0000:ffff::9:443"),
                "one /64, however the rest is written");
        assertEquals(Optional.of("2001:db8:0:0::/64"), CloudFrontOrigin.viewer("[2001:db8::1]:443"));
        for (String bad : List.of("", "198.51.100.7", "999.1.1.1:80", "example.com:80", "1:2:3:4:5:6:7:8:9:80", "1::2::3:80", ":80")) {
            assertEquals(Optional.empty(), CloudFrontOrigin.viewer(bad), bad);
        }
    }
}
