package vn.baovetreem.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.baovetreem.audit.AuditTrail;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.ProblemMappers;
import vn.baovetreem.common.persistence.RecordLocks;

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

    private static final String ACTION = "PROBE";

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
    private final ProblemMappers problems;

    ScopeProbes(EntityManager em, AuditTrail audit, CurrentUser currentUser, Config config, Clock clock, ProblemMappers problems) {
        this.problems = problems;
        this.em = em;
        this.audit = audit;
        this.currentUser = currentUser;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Thrown by a use case whose answer, {@code answer}, would tell the caller that a record exists
     * outside their area. The use case's transaction is rolled back and its connection returned
     * before {@link #answered} counts the answer in a transaction of its own: a request never holds
     * two connections, so parallel probes cannot exhaust the pool.
     */
    public static final class OutsideScope extends RuntimeException {
        private final transient ApiException.Conflict answer;

        public OutsideScope(ApiException.Conflict answer) {
            super(answer.code().name(), null, false, false);
            this.answer = answer;
        }
    }

    /** Gives the answer if the caller's allowance has room for it, else 429. */
    @ServerExceptionMapper
    public Response answered(OutsideScope e, ContainerRequestContext request) {
        try {
            QuarkusTransaction.requiringNew().run(() -> answer(e.answer.code().name()));
        } catch (ApiException.TooManyRequests tooMany) {
            return problems.api(tooMany, request);
        }
        return problems.api(e.answer, request);
    }

    /**
     * Counts one more such answer, of kind {@code answer}, for the caller: refuses with 429 when
     * their allowance is used up, and records it otherwise. The count is taken under a lock held
     * until the transaction commits, so parallel requests cannot together pass the limit.
     */
    private void answer(String answer) {
        RecordLocks.lock(em, "scope-probes", currentUser.get().username());
        if (allowance() == 0) {
            throw new ApiException.TooManyRequests(ProblemCode.TOO_MANY_PROBES, "You have received " + config.probeLimit()
                    + " answers about records outside your area within " + config.probeWindow().toMinutes()
                    + " minutes; try again later or ask the commune that holds the record.", config.probeWindow().toSeconds());
        }
        audit.record(ACTION, "scope-probe", answer, null, null, Map.of("answer", answer, "count", 1));
    }

    /** How many more such answers the caller may receive now (0 when the allowance is used up). */
    public int allowance() {
        int used = audit.countedSince(ACTION, currentUser.get().username(), OffsetDateTime.now(clock).minus(config.probeWindow()));
        return Math.max(0, config.probeLimit() - used);
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
