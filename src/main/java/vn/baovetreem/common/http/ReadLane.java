package vn.baovetreem.common.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.baovetreem.common.error.ApiException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Reads of one record on a few threads of their own ({@code cp.limits.reads}), taken in the order
 * they came, instead of on the worker pool, which starts a thread for every request waiting. With
 * 32 reads in flight on two processors, 32 threads each ran a read at once and the slowest waited
 * for all the others: the lane about halved the p99 and answered half as many reads again per
 * second (docs/performance.md, "A lane for record reads"). Nothing waits for a read,
 * so a small lane cannot deadlock the way a small worker pool would.
 *
 * <p>The read runs on the request's Vert.x context, and with it go the request context, the
 * caller's identity and the log's request id. A read that waited in the queue longer than
 * {@code cp.limits.wait} answers 503 {@code SERVICE_BUSY} when its turn comes, as a full share
 * does, and is counted in {@code cp_limited_refused_total{share="reads"}}. Made at start-up, so
 * that a lane of no thread stops the service there rather than failing every read.
 */
@Startup
@ApplicationScoped
public class ReadLane {

    private final WorkerExecutor threads;
    private final long waitNanos;
    private final Counter refused;

    ReadLane(Vertx vertx, @ConfigProperty(name = "cp.limits.reads") int size, @ConfigProperty(name = "cp.limits.wait") Duration wait,
             MeterRegistry metrics) {
        this.threads = vertx.createSharedWorkerExecutor("record-reads", Limits.atLeastOne("reads", size), 60, TimeUnit.SECONDS);
        this.waitNanos = wait.toNanos();
        this.refused = metrics.counter("cp.limited.refused", "share", "reads");
    }

    /** Runs {@code read} on the lane when its turn comes. */
    public <T> Uni<T> run(Callable<T> read) {
        long queued = System.nanoTime();
        return Uni.createFrom().completionStage(() -> threads.<T>executeBlocking(() -> {
            if (System.nanoTime() - queued > waitNanos) {
                refused.increment();
                throw ApiException.ServiceUnavailable.busy("Too many record reads are waiting on the service just now.");
            }
            return read.call();
        }, false).toCompletionStage());
    }

    @PreDestroy
    void close() {
        threads.close();
    }
}
