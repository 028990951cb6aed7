package dev.orderchainer.localcloud;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.IOException;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Run by PackageLoggingTest in a JVM whose class path is one unpacked function package (plus this class): logs as
 * a function does, inside Powertools' handler scope (a JSON line, an error with its stack, an EMF line), and says
 * how many log4j plugin lists it sees. Nothing of the local tooling is on that class path, so it brings its own
 * Context.
 */
public final class PackageLoggingProbe {
    static final String PLUGIN_LISTS = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";

    private PackageLoggingProbe() {
    }

    public static void main(String[] args) throws IOException {
        int lists = Collections.list(PackageLoggingProbe.class.getClassLoader().getResources(PLUGIN_LISTS)).size();
        Logger log = LoggerFactory.getLogger("probe");
        PowertoolsLogging.withLogging(new ProbeContext(), () -> {
            log.info("probe line {}", 1);
            log.error("probe failure", new IllegalStateException("boom"));
            LoggerFactory.getLogger("EMF").info("{\"_aws\":{\"probe\":true}}");
            return null;
        });
        System.out.println("plugin lists: " + lists);
    }

    /** The few facts Powertools reads from a Lambda context. */
    private static final class ProbeContext implements Context {
        @Override public String getAwsRequestId() { return "probe-request"; }
        @Override public String getLogGroupName() { return "/aws/lambda/probe-function"; }
        @Override public String getLogStreamName() { return "probe"; }
        @Override public String getFunctionName() { return "probe-function"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:000000000000:function:probe-function"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
