package vn.baovetreem.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The audit events of reads, written in batches by one background thread instead of one write
 * (and one flush of the database's log) in every read's transaction: a read of a child's record
 * then costs the database only what it reads.
 * <ul>
 *   <li><b>Bounded.</b> The queue holds {@link #CAPACITY} events; when it is full (the
 *       database slow or down), {@link AuditTrail#recordRead} writes the event itself before the
 *       read answers (in the read's transaction, if it has one), so a read is never left
 *       unrecorded.</li>
 *   <li><b>Prompt.</b> Every {@link #INTERVAL} the thread writes what has queued, up to
 *       {@link #BATCH} events per {@code COPY}; a batch that fails is tried again, in order,
 *       leaving out the events a try that seemed to fail did write. Reads served while it writes
 *       wait for the next interval: had it written them at once, under load it would have written
 *       without pause, some twenty events per transaction (docs/performance.md).</li>
 *   <li><b>Kept on a clean stop.</b> At shutdown the thread stops and everything still queued is
 *       written before the service ends ({@code ReadTrailTest}).</li>
 *   <li><b>Read before it is shown.</b> The audit list and the personal-data report call
 *       {@link #flush} first, so they show every read this instance has served.</li>
 *   <li><b>A crash</b> ({@code kill -9}, power loss) loses the reads of the last interval and of
 *       the batch being written (500 of 42,249 reads when the service was killed under 32
 *       connections of reads, a fifth of a second of them), never a change: changes keep their
 *       events in their own transaction.</li>
 * </ul>
 */
@ApplicationScoped
public class ReadTrail {

    private static final Logger LOG = Logger.getLogger(ReadTrail.class);
    static final Duration INTERVAL = Duration.ofMillis(50);
    static final int BATCH = 1000;
    /** Ten seconds of reads at a thousand a second. */
    static final int CAPACITY = 10_000;
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final EntityManager em;
    private final BlockingQueue<AuditTrail.Event> queue = new ArrayBlockingQueue<>(CAPACITY);
    /** Held while events are taken from the queue and written, so that {@link #flush} waits for a batch under way. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Events taken from the queue and not yet written (a batch whose write failed waits here); guarded by {@link #writing}. */
    private final List<AuditTrail.Event> held = new ArrayList<>();
    /**
     * Whether a write of {@link #held} failed: its commit may have landed all the same, the answer
     * lost with the connection, so it is written again leaving out what is there; guarded by
     * {@link #writing}.
     */
    private boolean heldMayBeWritten;
    private volatile boolean stopping;
    private Thread writer;

    ReadTrail(EntityManager em) {
        this.em = em;
    }

    /** Queues {@code event}; false when the queue is full and the caller must write it itself. */
    boolean offer(AuditTrail.Event event) {
        return !stopping && queue.offer(event);
    }

    /**
     * Writes every queued event now, each batch in a transaction of its own, after any batch that
     * failed before; waits for a batch the background thread is writing.
     */
    public void flush() {
        writeQueued(Integer.MAX_VALUE);
    }

    /**
     * Writes any batch that failed before, then up to {@code limit} queued events, in batches of
     * at most {@link #BATCH}, each in a transaction of its own.
     */
    void writeQueued(int limit) {
        writing.lock();
        try {
            int taken = 0;
            do {
                if (!held.isEmpty()) {
                    boolean again = heldMayBeWritten;
                    heldMayBeWritten = true;
                    write(held, again);
                    heldMayBeWritten = false;
                    held.clear();
                }
                if (taken < limit) {
                    taken += queue.drainTo(held, Math.min(BATCH, limit - taken));
                }
            } while (!held.isEmpty());
        } finally {
            writing.unlock();
        }
    }

    void onStart(@Observes StartupEvent start) {
        stopping = false;
        writer = Thread.ofPlatform().name("read-trail").daemon().start(this::run);
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.errorf("The audit events of %d reads could not be written at shutdown: %s", held.size() + queue.size(), e.getMessage());
        }
    }

    private void run() {
        while (!stopping) {
            try {
                Thread.sleep(INTERVAL);
                // What was queued when it woke: reads served while a batch is written wait for the next interval.
                writeQueued(queue.size());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Writing the audit events of %d reads failed; trying again: %s", held.size(), e.getMessage());
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void write(List<AuditTrail.Event> batch, boolean again) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (again) {
                AuditTrail.writeIfAbsent(em, batch);
            } else {
                AuditTrail.write(em, batch);
            }
        });
    }
}
