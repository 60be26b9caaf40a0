package vn.baovetreem.areas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.error.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What other features ask of the administrative tree: does a unit exist and is it in force, and
 * which subtrees does a user of that unit see.
 */
@ApplicationScoped
public class UnitDirectory {

    private final AdminUnitRepository units;
    private final Clock clock;

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
     * The subtrees of the {@code unit} query parameter of a list (the unit's paths and those of the
     * units it succeeded), or null when it is absent; an unknown code answers 400.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> subtreesOfParameter(String unitCode) {
        if (unitCode == null) {
            return null;
        }
        if (units.findByCode(unitCode).isEmpty()) {
            throw ApiException.BadRequest.field("INVALID_PARAMETER", "unit", "unit must be the code of a known unit.");
        }
        return scopePaths(unitCode);
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

    /** The subtrees a user of {@code code} sees today (see {@link AdminUnitRepository#scopePaths}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> scopePaths(String code) {
        return units.scopePaths(code, LocalDate.now(clock));
    }
}
