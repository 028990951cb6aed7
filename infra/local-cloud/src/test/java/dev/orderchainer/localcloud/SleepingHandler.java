package dev.orderchainer.localcloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Test function: sleeps as many milliseconds as its payload says, then echoes it. */
public final class SleepingHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String payload = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        try {
            Thread.sleep(Long.parseLong(payload.trim()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        output.write(payload.getBytes(StandardCharsets.UTF_8));
    }
}
