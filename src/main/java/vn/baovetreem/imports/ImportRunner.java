package vn.baovetreem.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;
import vn.baovetreem.common.error.DatabaseErrors;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs queued imports one at a time on this instance, taking them from PostgreSQL so that any
 * number of instances share the queue. A new job wakes it; it also looks every few seconds, which
 * is when it puts back in the queue the jobs whose run stopped: the run of a job writes a
 * heartbeat every {@link #HEARTBEAT} from a thread of its own, so a job whose instance died or
 * lost its database shows no heartbeat for {@link #STALE} and is taken up again, by any instance.
 */
@ApplicationScoped
class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(3);
    static final Duration STALE = Duration.ofSeconds(20);
    static final Duration LOOK = Duration.ofSeconds(5);

    private final ImportJobs jobs;
    private final ImportProcessor processor;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicBoolean draining = new AtomicBoolean();
    /** The run this instance is doing, if any. */
    private volatile ImportJobs.Claim running;
    private ScheduledExecutorService queue;
    private ScheduledExecutorService heart;

    ImportRunner(ImportJobs jobs, ImportProcessor processor, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.jobs = jobs;
        this.processor = processor;
        this.clock = clock;
        this.transactions = transactions;
    }

    void onStart(@Observes StartupEvent start) {
        queue = Executors.newSingleThreadScheduledExecutor(daemon("imports"));
        heart = Executors.newSingleThreadScheduledExecutor(daemon("imports-heartbeat"));
        queue.scheduleWithFixedDelay(this::look, 0, LOOK.toMillis(), TimeUnit.MILLISECONDS);
        heart.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (queue != null) {
            queue.shutdownNow();
            heart.shutdownNow();
        }
    }

    /** Runs the queue once the current transaction (which queued a job) has committed. */
    void wakeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && queue != null) {
                    queue.execute(ImportRunner.this::drain);
                }
            }
        });
    }

    private void look() {
        try {
            int requeued = jobs.requeueStale(STALE, clock.instant());
            if (requeued > 0) {
                LOG.infof("Put %d interrupted imports back in the queue", requeued);
            }
            drain();
        } catch (RuntimeException e) {
            LOG.warnf("Could not look at the import queue: %s", DatabaseErrors.describe(e));
        }
    }

    private void beat() {
        ImportJobs.Claim run = running;
        if (run == null) {
            return;
        }
        try {
            if (!jobs.heartbeat(run)) {
                LOG.warnf("Import %s attempt %d is no longer this instance's run", run.id(), run.attempt());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not write the heartbeat of import %s: %s", run.id(), DatabaseErrors.describe(e));
        }
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            Optional<ImportJobs.Claim> next;
            while ((next = jobs.claim(clock.instant())).isPresent()) {
                running = next.get();
                try {
                    processor.process(next.get());
                } finally {
                    running = null;
                }
            }
        } finally {
            draining.set(false);
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
