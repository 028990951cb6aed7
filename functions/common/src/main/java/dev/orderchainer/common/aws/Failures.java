package dev.orderchainer.common.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Which failures are worth a retry. A consumer that retries a permanent failure (a message the queue
 * refuses, a record it cannot read) stalls everything behind it, so only these are retried.
 */
public final class Failures {
    private Failures() {}

    /** The service could not be reached, timed out, throttled or failed on its side: the same call may succeed later. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdkClientException) {
                return true;
            }
            if (cause instanceof AwsServiceException service) {
                return service.isThrottlingException() || service.statusCode() >= 500 || service.retryable();
            }
        }
        return false;
    }
}
