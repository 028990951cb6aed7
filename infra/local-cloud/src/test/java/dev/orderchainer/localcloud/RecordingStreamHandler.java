package dev.orderchainer.localcloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test function on a DynamoDB stream: records what it sees, reports items with fail=true as failed. */
public final class RecordingStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    static final List<DynamodbEvent.DynamodbStreamRecord> SEEN = new CopyOnWriteArrayList<>();
    static volatile Map<String, String> environment;

    public RecordingStreamHandler(Map<String, String> environment) {
        RecordingStreamHandler.environment = environment;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            SEEN.add(record);
            var image = record.getDynamodb().getNewImage();
            boolean fail = image != null && image.containsKey("fail") && Boolean.TRUE.equals(image.get("fail").getBOOL());
            if (fail) {
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
                break;
            }
        }
        return new StreamsEventResponse(failures);
    }
}
