package dev.orderchainer.common.aws;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work run once before Lambda SnapStart snapshots an initialised function, so the classes, JIT
 * state and connections of a real request are in the snapshot instead of in the first request
 * after a restore. Outside SnapStart nothing calls it. The returned object must be kept: the
 * runtime holds resources weakly.
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

    /** The priming itself, failures thrown (tests call it to see that it works). */
    public void prime() {
        prime.run();
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
        // Nothing to renew: SDK clients reconnect by themselves after a restore.
    }
}
