package vn.baovetreem.common.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.baovetreem.common.error.ApiException;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps each {@link Limited.Share} to its number of requests at once. The numbers are per
 * instance ({@code cp.limits.*}); metrics {@code cp_limited_running} and
 * {@code cp_limited_refused_total} show how full each share is and how often it refused.
 */
@Limited(Limited.Share.HEAVY)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class Limits {

    private final Shares shares;

    Limits(Shares shares) {
        this.shares = shares;
    }

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        Limited limited = invocation.getMethod().getAnnotation(Limited.class);
        if (limited == null) {
            limited = invocation.getMethod().getDeclaringClass().getAnnotation(Limited.class);
        }
        Semaphore permits = shares.enter(limited.value());
        try {
            return invocation.proceed();
        } finally {
            permits.release();
        }
    }

    /**
     * {@code size}, the setting {@code cp.limits.<name>}, refused below 1: a share or lane of no
     * place would answer 503 to all its requests, so it stops the service at start-up instead.
     */
    static int atLeastOne(String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("cp.limits." + name + " (CP_LIMIT_" + name.toUpperCase(Locale.ROOT)
                    + ") must be at least 1, not " + size);
        }
        return size;
    }

    /**
     * The permits of every share. Made at start-up, so that a share of no place stops the service
     * there rather than answering 503 to every request of the share.
     */
    @Startup
    @ApplicationScoped
    public static class Shares {

        private record Share(Semaphore permits, Counter refused) {
        }

        private final Map<Limited.Share, Share> shares = new EnumMap<>(Limited.Share.class);
        private final long waitMillis;

        Shares(@ConfigProperty(name = "cp.limits.heavy") int heavy, @ConfigProperty(name = "cp.limits.lists") int lists,
               @ConfigProperty(name = "cp.limits.batches") int batches, @ConfigProperty(name = "cp.limits.wait") Duration wait,
               MeterRegistry metrics) {
            this.waitMillis = wait.toMillis();
            for (Limited.Share share : Limited.Share.values()) {
                int size = switch (share) {
                    case HEAVY -> heavy;
                    case LISTS -> lists;
                    case BATCHES -> batches;
                };
                String name = share.name().toLowerCase(Locale.ROOT);
                Semaphore permits = new Semaphore(atLeastOne(name, size), true);
                metrics.gauge("cp.limited.running", Tags.of("share", name), permits, p -> size - p.availablePermits());
                shares.put(share, new Share(permits, metrics.counter("cp.limited.refused", "share", name)));
            }
        }

        /** A place in {@code share}, waiting for one at most {@code cp.limits.wait}; release the permits returned. */
        public Semaphore enter(Limited.Share share) throws InterruptedException {
            Share s = shares.get(share);
            if (!s.permits().tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                s.refused().increment();
                throw ApiException.ServiceUnavailable.busy(switch (share) {
                    case HEAVY -> "Too many exports, indicator computations and other heavy requests are running on the service just now.";
                    case LISTS -> "Too many searches and lists are running on the service just now.";
                    case BATCHES -> "Too many batches of offline changes are running on the service just now.";
                });
            }
            return s.permits();
        }
    }
}
