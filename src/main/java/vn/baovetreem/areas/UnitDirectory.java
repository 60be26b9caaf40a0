package vn.baovetreem.areas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.security.Scope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What other features ask of the administrative tree: does a unit exist and is it in force, and
 * which subtrees does a user of that unit see.
 */
@ApplicationScoped
public class UnitDirectory {

    /**
     * How long a scope or a unit read from the tree is used. Every request needs its caller's
     * scope and unit, and most answers name villages: reading a scope walks the whole tree
     * ({@code unit_positions}: about 5 ms for a province of 1,600 units), reading a unit loads it
     * with its periods, while the tree changes a few times a year. This instance forgets them all
     * when it changes a unit; another instance's change reaches it within this time.
     */
    private static final Duration TTL = Duration.ofSeconds(30);

    /** At most this many kept units are read again with a request's own (a bounded statement). */
    private static final int MAX_REREAD = 5_000;

    /** Fired, in its transaction, by every change of a unit: its place in the tree, its name, its validity. */
    public record TreeChanged() {
    }

    private record CachedScope(LocalDate day, Instant readAt, Scope scope) {
    }

    private record CachedUnit(Instant readAt, UnitSummary summary) {
    }

    private final AdminUnitRepository units;
    private final Clock clock;
    private final Map<String, CachedScope> scopes = new ConcurrentHashMap<>();
    private final Map<String, CachedUnit> summaries = new ConcurrentHashMap<>();
    private final ReentrantLock rereading = new ReentrantLock();

    UnitDirectory(AdminUnitRepository units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** A unit as of its latest period. */
    public record UnitSummary(String code, String name, String kind, UnitLevel level, String path,
                              LocalDate validFrom, LocalDate validTo, String successorCode) {

        public boolean isValidOn(LocalDate date) {
            return Validity.covers(validFrom, validTo, date);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UnitSummary> find(String code) {
        return Optional.ofNullable(findAll(List.of(code)).get(code));
    }

    /**
     * The {@code unit} query parameter of a list as a scope (what a user of that unit sees, see
     * {@link #scope}), or null when it is absent; an unknown code answers 400.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Scope subtreesOfParameter(String unitCode) {
        if (unitCode == null) {
            return null;
        }
        if (find(unitCode).isEmpty()) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "unit", "unit must be the code of a known unit.");
        }
        return scope(unitCode);
    }

    /**
     * Where the records of unit {@code code} lie, for a list's filter by a unit's code that is not
     * checked against the tree (a village's, where an unknown code matches no record): what a user
     * of that unit sees ({@link #scope}), no subtree when {@code code} names no unit, null when it
     * is null.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Scope subtreesOfCode(String code) {
        if (code == null) {
            return null;
        }
        return find(code).isPresent() ? scope(code) : Scope.of(List.of());
    }

    /** Where unit {@code code} stood on {@code day}: the path of its period then, if it was in force. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> pathOn(String code, LocalDate day) {
        return units.pathOn(code, day);
    }

    /** The village {@code code}, if it is a village in force on {@code date}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UnitSummary> villageInForce(String code, LocalDate date) {
        return find(code).filter(u -> u.level() == UnitLevel.VILLAGE && u.isValidOn(date));
    }

    /**
     * The units among {@code codes} that exist, by code: those not read within {@link #TTL} in one
     * query. With them it reads again the units kept longer than half the TTL (one request at a
     * time does so), so that the villages a province's requests name come to be read together,
     * once every {@link #TTL} or so, rather than each in a query of its own as it expires.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, UnitSummary> findAll(Collection<String> codes) {
        Instant now = clock.instant();
        Map<String, UnitSummary> found = new HashMap<>();
        Set<String> toRead = new LinkedHashSet<>();
        for (String code : codes) {
            CachedUnit cached = code == null ? null : summaries.get(code);
            if (cached != null && cached.readAt().plus(TTL).isAfter(now)) {
                found.put(code, cached.summary());
            } else if (code != null) {
                toRead.add(code);
            }
        }
        if (toRead.isEmpty()) {
            return found;
        }
        Set<String> asked = Set.copyOf(toRead);
        boolean refreshing = rereading.tryLock();
        try {
            if (refreshing) {
                Instant aging = now.minus(TTL.dividedBy(2));
                summaries.forEach((code, cached) -> {
                    if (toRead.size() < MAX_REREAD && cached.readAt().isBefore(aging)) {
                        toRead.add(code);
                    }
                });
            }
            for (UnitSummary summary : units.latestStates(toRead)) {
                summaries.put(summary.code(), new CachedUnit(now, summary));
                if (asked.contains(summary.code())) {
                    found.put(summary.code(), summary);
                }
            }
        } finally {
            if (refreshing) {
                rereading.unlock();
            }
        }
        return found;
    }

    /** What a user of {@code code} sees today ({@link AdminUnitRepository#subtrees}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Scope scope(String code) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        CachedScope cached = scopes.get(code);
        if (cached != null && cached.day().equals(today) && cached.readAt().plus(TTL).isAfter(now)) {
            return cached.scope();
        }
        AdminUnitRepository.Subtrees subtrees = units.subtrees(code, today);
        Scope scope = Scope.of(subtrees.paths(), subtrees.departed());
        scopes.put(code, new CachedScope(today, now, scope));
        return scope;
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) TreeChanged change) {
        scopes.clear();
        summaries.clear();
    }
}
