package vn.baovetreem.indicators;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.baovetreem.common.error.DatabaseErrors;

/**
 * Folds the writes of what indicators read into counts per unit every minute, so that a stamp
 * reads at most about a minute of writes (changelog 036); a fold leaves the stamps of the units
 * it does not touch as they were. Several instances may fold together: the second waits for the
 * first and folds what is left.
 */
@ApplicationScoped
class InputFolding {

    private static final Logger LOG = Logger.getLogger(InputFolding.class);

    private final IndicatorInputs inputs;

    InputFolding(IndicatorInputs inputs) {
        this.inputs = inputs;
    }

    @Scheduled(identity = "indicator-input-folding", every = "{cp.indicators.fold-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            long folded = inputs.fold();
            if (folded > 0) {
                LOG.debugf("Indicator inputs: %d writes folded", folded);
            }
        } catch (RuntimeException e) {
            // The writes stay recorded and the next run folds them; until then stamps read them one by one.
            LOG.warnf("Could not fold the writes of indicator inputs; the next run tries again: %s", DatabaseErrors.describe(e));
        }
    }
}
