package vn.baovetreem.indicators;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.baovetreem.common.error.DatabaseErrors;

import java.time.Clock;
import java.time.Duration;

/**
 * Folds the writes of what indicators read into counts per unit every minute, so that a stamp
 * reads at most about a minute of writes (changelog 036); a fold leaves the stamps of the units
 * it does not touch as they were. Several instances may fold together: the second waits for the
 * first and folds what is left. Each run also deletes the tallies not saved for 35 days
 * ({@link TallyRepository}).
 */
@ApplicationScoped
class InputFolding {

    private static final Logger LOG = Logger.getLogger(InputFolding.class);

    /** How long a tally of counts by part is kept after it was last saved ({@link TallyRepository}). */
    private static final Duration TALLIES_KEPT = Duration.ofDays(35);

    private final IndicatorInputs inputs;
    private final TallyRepository tallies;
    private final Clock clock;

    InputFolding(IndicatorInputs inputs, TallyRepository tallies, Clock clock) {
        this.inputs = inputs;
        this.tallies = tallies;
        this.clock = clock;
    }

    @Scheduled(identity = "indicator-input-folding", every = "{cp.indicators.fold-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            long folded = inputs.fold();
            if (folded > 0) {
                LOG.debugf("Indicator inputs: %d writes folded", folded);
            }
            tallies.forgetSavedBefore(clock.instant().minus(TALLIES_KEPT));
        } catch (RuntimeException e) {
            // The writes stay recorded and the next run folds them; until then stamps read them one by one.
            // Old tallies stay too, until a run deletes them.
            LOG.warnf("Could not fold the writes of indicator inputs or delete old tallies; the next run tries again: %s",
                    DatabaseErrors.describe(e));
        }
    }
}
