package vn.baovetreem.children;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.baovetreem.common.error.DatabaseErrors;

/**
 * Pairs the records queued by a change (changelog 034) every few seconds, a batch per transaction,
 * until the queue is empty: after an import of 100,000 children the list of likely duplicates is
 * whole again within seconds. The list itself pairs what is queued before it reads
 * ({@link ChildService#duplicates}), so a change made through the API shows at once, unless this
 * refresh is running: the list then shows what it has found so far rather than wait for it.
 */
@ApplicationScoped
class DuplicatePairs {

    private static final Logger LOG = Logger.getLogger(DuplicatePairs.class);
    /** Records paired again per transaction. */
    static final int BATCH = 2_000;
    /** Records the list pairs before it reads: the few an edit queues, not an import's. */
    static final int AT_READ = 100;

    private final ChildRepository children;

    DuplicatePairs(ChildRepository children) {
        this.children = children;
    }

    @Scheduled(identity = "duplicate-pairs", every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            int done;
            do {
                done = QuarkusTransaction.requiringNew().call(() -> children.refreshDuplicatePairs(BATCH));
            } while (done == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Could not pair the records changed lately; the next run tries again: %s", DatabaseErrors.describe(e));
        }
    }
}
