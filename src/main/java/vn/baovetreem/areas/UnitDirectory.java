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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    /** The units among {@code codes} that exist, by code: those not read within {@link #TTL} in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, UnitSummary> findAll(Collection<String> codes) {
        Instant now = clock.instant();
        Map<String, UnitSummary> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String code : new LinkedHashSet<>(codes)) {
            CachedUnit cached = code == null ? null : summaries.get(code);
            if (cached != null && cached.readAt().plus(TTL).isAfter(now)) {
                found.put(code, cached.summary());
            } else if (code != null) {
                missing.add(code);
            }
        }
        if (!missing.isEmpty()) {
            for (AdminUnit unit : units.findByCodes(missing)) {
                UnitSummary summary = summary(unit);
                summaries.put(unit.code(), new CachedUnit(now, summary));
                found.put(unit.code(), summary);
            }
        }
        return found;
    }

    private static UnitSummary summary(AdminUnit u) {
        AdminUnitPeriod p = u.currentPeriod();
        return new UnitSummary(u.code(), p.name(), p.kind(), u.level(), p.path(), u.validFrom(), u.validTo(),
                u.successorCode());
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
