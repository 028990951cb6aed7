package dev.orderchainer.common.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderchainer.common.aws.SnapStartPriming;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The entry point every table-stream function extends: structured logging around each batch, its components'
 * priming before a SnapStart snapshot. A subclass answers which record to retry from (ReportBatchItemFailures).
 */
public abstract class StreamHandler<C extends FunctionComponents> implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    protected final C components;
    private final SnapStartPriming priming;

    protected StreamHandler(C components) {
        this.components = components;
        this.priming = SnapStartPriming.register(components::prime);
    }

    /** The resource SnapStart calls before the snapshot (tests call it directly). */
    public final SnapStartPriming snapStartPriming() {
        return priming;
    }

    @Override
    public final StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> handle(event, context));
    }

    /** The batch, in stream order; no record may stall the stream (report it or skip it). */
    protected abstract StreamsEventResponse handle(DynamodbEvent event, Context context);
}
