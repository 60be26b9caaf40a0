package vn.baovetreem.indicators;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Folds the day's writes of what indicators read into one number each night, with the retention
 * rule ({@code cp.retention.schedule}), so that a stamp counts at most a day of writes. Every kept
 * export is computed again once afterwards. Several instances may fold together: the second waits
 * for the first and folds what is left.
 */
@ApplicationScoped
class InputFolding {

    private static final Logger LOG = Logger.getLogger(InputFolding.class);

    private final IndicatorInputs inputs;

    InputFolding(IndicatorInputs inputs) {
        this.inputs = inputs;
    }

    @Scheduled(identity = "indicator-input-folding", cron = "{cp.retention.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        LOG.infof("Indicator inputs: %d writes folded", inputs.fold());
    }
}
