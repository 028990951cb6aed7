package dev.orderchainer.localcloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test function on a queue: records bodies and receive counts, reports "poison" messages as failed. */
public final class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    static final List<SQSEvent.SQSMessage> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            SEEN.add(message);
            if (message.getBody().startsWith("poison")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
