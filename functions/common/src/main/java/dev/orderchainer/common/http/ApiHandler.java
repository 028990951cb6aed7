package dev.orderchainer.common.http;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderchainer.common.aws.SnapStartPriming;
import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.domain.DomainException;
import dev.orderchainer.common.function.FunctionComponents;
import dev.orderchainer.common.observability.EmfMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The HTTP API entry point every endpoint function extends: decodes the v2 event, runs the
 * endpoint, turns problems into problem+json (and anything unexpected into a logged 500 without
 * internals), writes one access log entry and one EMF metrics line per request.
 * Subclasses implement {@link #handle(HttpRequest)} and stay thin: what they need comes from their module's
 * components, which are also what is primed before a SnapStart snapshot.
 */
public abstract class ApiHandler<C extends FunctionComponents> implements RequestStreamHandler {
    /** MDC key an authenticated endpoint sets so the access log names the user. */
    public static final String USER_ID = "user_id";
    private static final String CORRELATION_ID = "correlation_id";
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final AtomicBoolean coldStart = new AtomicBoolean(true);
    private final EmfMetrics metrics;
    private final JsonBody jsonBody;
    private final CloudFrontOrigin origin;
    /** The module's wiring: the services and adapters this endpoint calls. */
    protected final C components;
    private final SnapStartPriming priming;
    private static final byte[] PRIMING_EVENT = ("{\"version\":\"2.0\",\"routeKey\":\"GET /api/priming\",\"rawPath\":\"/api/priming\","
            + "\"headers\":{\"content-type\":\"application/json\"},\"requestContext\":{\"http\":{\"method\":\"GET\","
            + "\"path\":\"/api/priming\",\"sourceIp\":\"127.0.0.1\"},\"requestId\":\"priming\"},\"body\":\"{}\","
            + "\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8);

    protected ApiHandler(C components) {
        Env env = components.env();
        this.components = components;
        this.metrics = EmfMetrics.fromEnvironment(env, "orderchainer");
        this.jsonBody = new JsonBody(env.integer("MAX_BODY_BYTES", 64 * 1024, 1, 6 * 1024 * 1024));
        this.origin = CloudFrontOrigin.fromEnvironment(env);
        this.priming = SnapStartPriming.register(this::primeForSnapshot);
    }

    /** The resource SnapStart calls before the snapshot (the runtime finds it through org.crac; tests call it directly). */
    public final SnapStartPriming snapStartPriming() {
        return priming;
    }

    /** The shared path of every request: event decoding, JSON, problem documents, then the components' priming. */
    private void primeForSnapshot() {
        HttpRequest request = ApiGatewayV2Codec.decode(PRIMING_EVENT);
        ApiGatewayV2Codec.encode(new ApiProblem(400, "priming").toResponse(request.path()));
        ApiGatewayV2Codec.encode(HttpResponse.json(200, Map.of("priming", true)));
        components.prime();
    }

    /** The endpoint itself: the domain throws what it refuses ({@link DomainException}), the handler {@link ApiProblem} for HTTP-only answers. */
    protected abstract HttpResponse handle(HttpRequest request);

    /** Reads the body as the given record type with the API's strict JSON rules. */
    protected final <T> T body(HttpRequest request, Class<T> type) {
        return jsonBody.read(request, type);
    }

    /** As {@link #body(HttpRequest, Class)}, with fields whose explicit null means "clear it" (read as ""). */
    protected final <T> T body(HttpRequest request, Class<T> type, Set<String> emptiedWhenNull) {
        return jsonBody.read(request, type, emptiedWhenNull);
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        HttpResponse response = PowertoolsLogging.withLogging(context, () -> respond(event, context));
        byte[] encoded = ApiGatewayV2Codec.encode(response);
        if (encoded.length > ApiGatewayV2Codec.MAX_RESPONSE_BYTES) {
            // Lambda would fail the invocation and API Gateway answer a bare 500: say what happened instead.
            log.error("response of {} bytes exceeds Lambda's limit; an endpoint must bound its answers", encoded.length);
            encoded = ApiGatewayV2Codec.encode(new ApiProblem(500, "The answer is too large to send; it has been logged")
                    .toResponse(null));
        }
        output.write(encoded);
    }

    private HttpResponse respond(byte[] event, Context context) {
        long started = System.nanoTime();
        HttpRequest request = null;
        HttpResponse response;
        try {
            request = ApiGatewayV2Codec.decode(event);
            if (request.requestId() != null) {
                MDC.put(CORRELATION_ID, request.requestId());
            }
            // Before any work: a request that bypassed CloudFront is refused; behind it, the viewer's address counts.
            request = origin.admit(request);
            jsonBody.checkSize(request);
            response = handle(request);
        } catch (ApiProblem problem) {
            response = problem.toResponse(request == null ? null : request.path());
        } catch (DomainException refused) {
            response = Problems.of(refused).toResponse(request == null ? null : request.path());
        } catch (SdkClientException | ProvisionedThroughputExceededException | RequestLimitExceededException unavailable) {
            // The database did not answer (or is throttling): nothing was committed, the client may retry.
            log.warn("storage unavailable: {}", unavailable.toString());
            response = new ApiProblem(503, "The service is briefly unavailable; nothing was changed, retry shortly",
                    Map.of(), Map.of("retry-after", "1")).toResponse(request == null ? null : request.path());
        } catch (RuntimeException unexpected) {
            log.error("unhandled error", unexpected);
            response = new ApiProblem(500, "The server could not complete the request; it has been logged")
                    .toResponse(request == null ? null : request.path());
        }
        record(request, response, (System.nanoTime() - started) / 1_000_000.0, context);
        MDC.remove(USER_ID);
        MDC.remove(CORRELATION_ID);
        return response;
    }

    private void record(HttpRequest request, HttpResponse response, double latencyMs, Context context) {
        String route = request == null || request.routeKey() == null ? "unknown" : request.routeKey();
        String userId = MDC.get(USER_ID);
        ACCESS.info("request completed",
                entry("route", route),
                entry("method", request == null ? null : request.method()),
                entry("path", request == null ? null : request.path()),
                entry("status", response.status()),
                entry("latency_ms", Math.round(latencyMs * 100) / 100.0),
                entry("request_id", request == null ? null : request.requestId()),
                entry("source_ip", request == null ? null : request.sourceIp()),
                entry(USER_ID, userId));
        boolean cold = coldStart.getAndSet(false);
        EmfMetrics.Record record = metrics.record().dimension("Route", route)
                .metric("Latency", latencyMs, "Milliseconds")
                .metric("ServerErrors", response.status() >= 500 ? 1 : 0, "Count")
                .metric("ClientErrors", response.status() >= 400 && response.status() < 500 ? 1 : 0, "Count")
                .property("request_id", request == null ? null : request.requestId())
                .property("status", response.status());
        record.emit();
        if (cold) {
            metrics.record().dimension("FunctionName", context == null ? "local" : context.getFunctionName())
                    .metric("ColdStart", 1, "Count").emit();
        }
    }
}
