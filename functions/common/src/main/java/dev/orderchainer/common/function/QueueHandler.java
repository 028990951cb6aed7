package dev.orderchainer.common.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.orderchainer.common.aws.SnapStartPriming;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The entry point every SQS function extends: structured logging around each batch, its components' priming
 * before a SnapStart snapshot. A subclass answers the messages that stay on the queue (ReportBatchItemFailures).
 */
public abstract class QueueHandler<C extends FunctionComponents> implements RequestHandler<SQSEvent, SQSBatchResponse> {
    protected final C components;
    private final SnapStartPriming priming;

    protected QueueHandler(C components) {
        this.components = components;
        this.priming = SnapStartPriming.register(components::prime);
    }

    /** The resource SnapStart calls before the snapshot (tests call it directly). */
    public final SnapStartPriming snapStartPriming() {
        return priming;
    }

    @Override
    public final SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> handle(event, context));
    }

    /** The batch; a message that cannot be handled is reported, never thrown for the whole batch. */
    protected abstract SQSBatchResponse handle(SQSEvent event, Context context);
}
