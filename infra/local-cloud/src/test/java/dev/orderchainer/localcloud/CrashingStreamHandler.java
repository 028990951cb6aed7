package dev.orderchainer.localcloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test function on a DynamoDB stream that throws (a function error, not a batch item failure) on any batch holding crash=true. */
public final class CrashingStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** The keys of every batch it was handed, in order. */
    static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();
    /** Keys of the batches it completed. */
    static final List<String> DONE = new CopyOnWriteArrayList<>();

    public CrashingStreamHandler(Map<String, String> environment) {
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<String> keys = event.getRecords().stream().map(r -> r.getDynamodb().getKeys().get("pk").getS()).toList();
        BATCHES.add(keys);
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var image = record.getDynamodb().getNewImage();
            if (image != null && image.containsKey("crash")) {
                throw new IllegalStateException("cannot handle " + keys);
            }
        }
        DONE.addAll(keys);
        return new StreamsEventResponse(List.of());
    }
}
