package vn.baovetreem.areas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.security.Scope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What other features ask of the administrative tree: does a unit exist and is it in force, and
 * which subtrees does a user of that unit see.
 */
@ApplicationScoped
public class UnitDirectory {

    /**
     * How long a scope read from the tree is used. Every request needs its caller's scope, and
     * reading one walks the whole tree ({@code unit_positions}: about 5 ms for a province of
     * 1,600 units), while the tree changes a few times a year. This instance forgets every scope
     * when it changes the tree; another instance's change reaches it within this time.
     */
    private static final Duration SCOPE_TTL = Duration.ofSeconds(30);

    /** Fired, in its transaction, by every change of the tree that can change a scope. */
    public record TreeChanged() {
    }

    private record CachedScope(LocalDate day, Instant readAt, Scope scope) {
    }

    private final AdminUnitRepository units;
    private final Clock clock;
    private final Map<String, CachedScope> scopes = new ConcurrentHashMap<>();

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
        return units.findByCode(code).map(UnitDirectory::summary);
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
        if (units.findByCode(unitCode).isEmpty()) {
            throw ApiException.BadRequest.field("INVALID_PARAMETER", "unit", "unit must be the code of a known unit.");
        }
        return scope(unitCode);
    }

    /** The village {@code code}, if it is a village in force on {@code date}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UnitSummary> villageInForce(String code, LocalDate date) {
        return find(code).filter(u -> u.level() == UnitLevel.VILLAGE && u.isValidOn(date));
    }

    /** The units among {@code codes} that exist, by code, in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, UnitSummary> findAll(Collection<String> codes) {
        return units.findByCodes(List.copyOf(new LinkedHashSet<>(codes))).stream()
                .collect(Collectors.toMap(AdminUnit::code, UnitDirectory::summary));
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
        if (cached != null && cached.day().equals(today) && cached.readAt().plus(SCOPE_TTL).isAfter(now)) {
            return cached.scope();
        }
        AdminUnitRepository.Subtrees subtrees = units.subtrees(code, today);
        Scope scope = Scope.of(subtrees.paths(), subtrees.departed());
        scopes.put(code, new CachedScope(today, now, scope));
        return scope;
    }

    void forgetScopes(@Observes(during = TransactionPhase.AFTER_SUCCESS) TreeChanged change) {
        scopes.clear();
    }
}
