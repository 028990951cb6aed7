package dev.orderchainer.localcloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Test function: answers with as many bytes as its payload says. */
public final class SizedAnswerHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int size = Integer.parseInt(new String(input.readAllBytes(), StandardCharsets.UTF_8).trim());
        output.write(new byte[size]);
    }
}
