package vn.baovetreem.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs queued imports one at a time on this instance, taking them from PostgreSQL so that any
 * number of instances share the queue. A new job wakes it; it also looks every 15 seconds, which
 * is when it puts back in the queue the jobs of an instance that stopped (no heartbeat for two
 * minutes).
 */
@ApplicationScoped
class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    static final Duration STALE = Duration.ofMinutes(2);

    private final ImportJobs jobs;
    private final ImportProcessor processor;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicBoolean draining = new AtomicBoolean();
    private ScheduledExecutorService executor;

    ImportRunner(ImportJobs jobs, ImportProcessor processor, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.jobs = jobs;
        this.processor = processor;
        this.clock = clock;
        this.transactions = transactions;
    }

    void onStart(@Observes StartupEvent start) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "imports");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::look, 0, 15, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
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
                if (status == Status.STATUS_COMMITTED && executor != null) {
                    executor.execute(ImportRunner.this::drain);
                }
            }
        });
    }

    private void look() {
        try {
            int requeued = jobs.requeueStale(clock.instant().minus(STALE), clock.instant());
            if (requeued > 0) {
                LOG.infof("Put %d interrupted imports back in the queue", requeued);
            }
            drain();
        } catch (RuntimeException e) {
            LOG.error("Could not look at the import queue", e);
        }
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            Optional<UUID> next;
            while ((next = jobs.claim(clock.instant())).isPresent()) {
                processor.process(next.get());
            }
        } finally {
            draining.set(false);
        }
    }
}
