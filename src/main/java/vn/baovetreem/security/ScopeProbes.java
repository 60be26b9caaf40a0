package vn.baovetreem.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Answers that confirm a record exists outside the caller's area: a create or change refused
 * because another record, somewhere else, holds the personal ID or external reference; an import
 * row whose identifier matches such a record. Preventing duplicates needs these answers, but each
 * one also tells the caller that a number is registered, so each is an audit event ({@code PROBE},
 * visible to administrators, naming the caller and the kind of answer, never the identifier) and
 * a caller who has received {@code cp.privacy.probe-limit} of them within
 * {@code cp.privacy.probe-window} gets 429 instead of another.
 */
@ApplicationScoped
public class ScopeProbes {

    public static final String ACTION = "PROBE";

    @ConfigMapping(prefix = "cp.privacy")
    public interface Config {
        /** How many answers about records outside their area a caller may receive per window. */
        @WithDefault("20")
        int probeLimit();

        @WithDefault("PT1H")
        Duration probeWindow();
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Config config;
    private final Clock clock;

    ScopeProbes(EntityManager em, AuditTrail audit, CurrentUser currentUser, Config config, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.currentUser = currentUser;
        this.config = config;
        this.clock = clock;
    }

    /** How many more such answers the caller may receive now (0 when the allowance is used up). */
    public int allowance() {
        Number used = (Number) em.createNativeQuery("""
                        select coalesce(sum(cast(after_state ->> 'count' as integer)), 0) from audit_event
                        where action = 'PROBE' and actor = ?1 and occurred_at > ?2""")
                .setParameter(1, currentUser.get().username())
                .setParameter(2, OffsetDateTime.now(clock).minus(config.probeWindow()))
                .getSingleResult();
        return Math.max(0, config.probeLimit() - used.intValue());
    }

    /** Refuses with 429 when the caller may receive no more such answers now. */
    public void requireAllowance() {
        if (allowance() == 0) {
            throw new ApiException.TooManyRequests("TOO_MANY_PROBES", "You have received " + config.probeLimit()
                    + " answers about records outside your area within " + config.probeWindow().toMinutes()
                    + " minutes; try again later or ask the commune that holds the record.", config.probeWindow().toSeconds());
        }
    }

    /**
     * Records that the caller is being told, {@code count} times, that a record exists outside
     * their area. It is written in a transaction of its own, so it stays when the request fails.
     */
    public void record(String answer, int count) {
        if (count > 0) {
            QuarkusTransaction.requiringNew().run(() -> audit.record(ACTION, "scope-probe", answer, null, null,
                    Map.of("answer", answer, "count", count)));
        }
    }
}
