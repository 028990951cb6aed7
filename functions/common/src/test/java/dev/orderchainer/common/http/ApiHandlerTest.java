package dev.orderchainer.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderchainer.common.testing.PlainComponents;
import dev.orderchainer.local.ApiGatewayV2Event;
import dev.orderchainer.local.HttpInvocation;
import dev.orderchainer.local.LocalLambdaContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {
    record Greeting(String name) {}

    /** A tiny endpoint exercising every path through the base handler. */
    static final class EchoHandler extends ApiHandler<PlainComponents> {
        EchoHandler() {
            super(new PlainComponents(Map.of("MAX_BODY_BYTES", "100")));
        }

        @Override
        protected HttpResponse handle(HttpRequest request) {
            switch (request.path()) {
                case "/boom":
                    throw new IllegalStateException("secret internal state at com/example/Foo");
                case "/conflict":
                    throw new ApiProblem(409, "Order o2 depends on o1", Map.of("dependents", List.of("o2")),
                            Map.of("retry-after", "3"));
                default:
                    return HttpResponse.json(200, Map.of("hello", body(request, Greeting.class).name()));
            }
        }
    }

    private static HttpInvocation.Response call(ApiGatewayV2Event event) {
        return HttpInvocation.invoke(new EchoHandler(), event, new LocalLambdaContext("Echo", 512, 5));
    }

    @Test
    void parsesTheBodyAndAnswersJson() {
        HttpInvocation.Response response = call(ApiGatewayV2Event.request("POST", "/echo").jsonBody("{\"name\":\"Ada\"}"));
        assertEquals(200, response.status());
        assertEquals("{\"hello\":\"Ada\"}", response.bodyText());
    }

    @Test
    void badInputIsAProblemDocument() {
        HttpInvocation.Response response = call(ApiGatewayV2Event.request("POST", "/echo").jsonBody("{\"name\":1}"));
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.header("content-type"));
        JsonNode problem = response.json();
        assertEquals("about:blank", problem.path("type").asText());
        assertEquals("Bad Request", problem.path("title").asText());
        assertEquals(400, problem.path("status").asInt());
        assertEquals("Field 'name' must be a string", problem.path("detail").asText());
        assertEquals("/echo", problem.path("instance").asText());
    }

    @Test
    void problemsCarryExtensionMembersAndHeaders() {
        HttpInvocation.Response response = call(ApiGatewayV2Event.request("DELETE", "/conflict"));
        assertEquals(409, response.status());
        assertEquals("3", response.header("retry-after"));
        assertEquals("o2", response.json().path("dependents").path(0).asText());
    }

    @Test
    void unexpectedErrorsAreA500WithoutInternals() {
        HttpInvocation.Response response = call(ApiGatewayV2Event.request("GET", "/boom"));
        assertEquals(500, response.status());
        String body = response.bodyText();
        assertFalse(body.contains("secret"), body);
        assertFalse(body.contains("com/example"), body);
        assertTrue(response.json().path("detail").asText().contains("has been logged"));
    }

    @Test
    void snapStartPrimingRunsTheSharedPathAndTheEndpointsOwnPriming() throws Exception {
        EchoHandler handler = new EchoHandler();
        handler.snapStartPriming().beforeCheckpoint(null);
        assertEquals(1, handler.components.primed());
        handler.snapStartPriming().afterRestore(null);
        assertEquals(200, HttpInvocation.invoke(handler, ApiGatewayV2Event.request("POST", "/echo").jsonBody("{\"name\":\"Ada\"}"),
                new LocalLambdaContext("Echo", 512, 5)).status(), "still serves after a restore");
    }

    @Test
    void oversizedBodiesAre413EvenForEndpointsThatIgnoreTheBody() {
        HttpInvocation.Response response = call(ApiGatewayV2Event.request("GET", "/conflict").jsonBody("x".repeat(101)));
        assertEquals(413, response.status());
        assertEquals("Content Too Large", response.json().path("title").asText());
    }
}
