package vn.baovetreem.children;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the retention rule every night ({@code cp.retention.schedule}, a cron expression; {@code off}
 * disables it). Any number of instances may run it together: each anonymises the records it
 * could lock, and skips those another has.
 */
@ApplicationScoped
class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(identity = "retention", cron = "{cp.retention.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        long started = System.nanoTime();
        Retention.Outcome outcome = retention.run();
        LOG.infof("Retention rule: %d records anonymised, %d import files erased, %d stored idempotent answers deleted, in %d ms",
                outcome.childrenAnonymised(), outcome.importFilesErased(), outcome.idempotentAnswersDeleted(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
