package dev.orderchainer.common.aws;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work run once before Lambda SnapStart snapshots an initialised function, so the classes and JIT
 * state of a real request are in the snapshot instead of in the first request after a restore.
 * Its SDK calls are answered inside the JVM ({@link PrimingAwareHttpClient}): priming cannot write
 * and leaves no connection in the snapshot. Outside SnapStart nothing calls it. The returned object
 * must be kept: the runtime holds resources weakly.
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private final Runnable prime;

    private SnapStartPriming(Runnable prime) {
        this.prime = prime;
    }

    public static SnapStartPriming register(Runnable prime) {
        SnapStartPriming priming = new SnapStartPriming(prime);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** The priming itself, without the network, failures thrown (tests call it to see that it works). */
    public void prime() {
        PrimingAwareHttpClient.withoutNetwork(prime);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            prime();
        } catch (RuntimeException e) {
            // A snapshot without priming is slower to warm up, not broken.
            LOG.warn("priming before the snapshot failed: {}", e.toString());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: priming opened no connection; SDK clients connect on their first call.
    }
}
