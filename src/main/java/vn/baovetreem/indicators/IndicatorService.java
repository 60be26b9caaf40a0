package vn.baovetreem.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.indicators.IndicatorCatalogue.Indicator;
import vn.baovetreem.indicators.IndicatorCatalogue.Kind;
import vn.baovetreem.indicators.IndicatorEngine.Count;
import vn.baovetreem.indicators.IndicatorEngine.Place;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Scope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Indicator values for a unit and period, as {@code /indicator-values} and the exports give them:
 * numerator, denominator and value, for the unit and (on request) each unit below it, in total and
 * by each disaggregation asked for. Values never carry personal data; {@code suppressBelow}
 * replaces counts from 1 to that limit minus one.
 */
@ApplicationScoped
public class IndicatorService {

    public static final String BY_UNIT = "UNIT";
    private static final String BY_AGE_BAND = "AGE_BAND";

    private final IndicatorCatalogue catalogue;
    private final IndicatorEngine engine;
    private final IndicatorInputs inputs;
    private final KeptValues kept = new KeptValues();
    private final TallyRepository tallies;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final Clock clock;

    IndicatorService(IndicatorCatalogue catalogue, IndicatorEngine engine, IndicatorInputs inputs, TallyRepository tallies,
                     UnitDirectory units, AccessPolicy access, Clock clock) {
        this.catalogue = catalogue;
        this.engine = engine;
        this.inputs = inputs;
        this.tallies = tallies;
        this.units = units;
        this.access = access;
        this.clock = clock;
    }

    public record UnitRef(String code, String name, UnitLevel level) {
    }

    public record PeriodView(String label, LocalDate from, LocalDate to, String dhis2) {
    }

    /** Schema {@code IndicatorValue}. */
    public record Value(String unitCode, String unitName, String disaggregation, String category, Long numerator,
                        Long denominator, BigDecimal value, Boolean suppressed) {

        /** The same value under another unit name. */
        Value named(String name) {
            return new Value(unitCode, name, disaggregation, category, numerator, denominator, value, suppressed);
        }
    }

    /** Schema {@code IndicatorResult}. */
    public record Result(String key, String officialCode, boolean provisional, String confidence, String groupCode,
                         IndicatorCatalogue.Appendix appendix, String nameVi, String nameEn, Kind kind, boolean computable,
                         String heldBy, boolean usesUnitFacts, List<Value> values) {

        /** The same indicator with other values. */
        Result with(List<Value> other) {
            return new Result(key, officialCode, provisional, confidence, groupCode, appendix, nameVi, nameEn, kind, computable, heldBy,
                    usesUnitFacts, other);
        }
    }

    /** Schema {@code IndicatorValues}: also the body of the JSON export. */
    public record Values(String catalogueVersion, UnitRef unit, PeriodView period, LocalDate cutOff, Instant generatedAt,
                         Integer suppressBelow, List<Result> indicators) {

        /** The same values generated at another time. */
        Values at(Instant time) {
            return new Values(catalogueVersion, unit, period, cutOff, time, suppressBelow, indicators);
        }
    }

    /** What is asked: the unit, the period, the indicators (all when empty), the breakdowns. */
    public record Query(String unitCode, Period period, List<String> keys, List<String> by, Integer suppressBelow) {
    }

    @Transactional
    public Values values(Query q) {
        return compute(q, access.check(Operation.READ_INDICATORS).scope());
    }

    /** The values for an export: the same, for callers allowed to export. */
    @Transactional
    public Values export(Query q) {
        return compute(q, access.check(Operation.EXPORT_INDICATORS).scope());
    }

    /**
     * The values of a unit for a feature that has already decided the caller may see that unit's
     * figures: the progress of a commune's plan shown to its villages, a report's snapshot.
     */
    @Transactional
    public Values valuesOnBehalf(Query q) {
        return compute(q, Scope.everything());
    }

    private Values compute(Query q, Scope scope) {
        if (q.unitCode() == null) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "unit", "unit is required.");
        }
        UnitDirectory.UnitSummary unit = units.find(q.unitCode()).filter(u -> scope.contains(u.path()))
                .orElseThrow(() -> new ApiException.NotFound("Administrative unit", q.unitCode()));
        if (q.suppressBelow() != null && (q.suppressBelow() < 2 || q.suppressBelow() > 100)) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "suppressBelow", "suppressBelow must lie between 2 and 100.");
        }
        List<Indicator> indicators = selected(q.keys());
        Set<String> by = new LinkedHashSet<>(q.by() == null ? List.of() : q.by());
        Set<String> known = new HashSet<>();
        catalogue.disaggregations().forEach(d -> known.add(d.code()));
        for (String b : by) {
            if (!known.contains(b)) {
                throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "by", "by lists disaggregation codes of the catalogue, such as UNIT or SEX; '"
                        + b + "' is not one.");
            }
        }
        String path = pathOn(unit.code(), q.period().to());
        // Kept figures serve while nothing they read has changed: the stamps before they were computed
        // are the stamps now. After writes in some parts of the unit only those parts are counted
        // again. Only figures whose stamps did not move while computing them are kept.
        KeptValues.Key key = new KeptValues.Key(path, q.period(), indicators.stream().map(Indicator::key).toList(), List.copyOf(by),
                q.suppressBelow());
        IndicatorInputs.Stamps stamps = inputs.stamps(path, q.period().to());
        KeptValues.Kept found = kept.get(key);
        if (found == null) {
            found = tallies.find(key).orElse(null);
        }
        Set<String> moved = found == null ? null : stamps.movedSince(found.stamps());
        if (moved != null && moved.isEmpty() && found.values() != null) {
            return named(found.values(), unit).at(clock.instant());
        }
        // From a saved tally that nothing has moved since, a recount of no part: the values alone are made.
        KeptValues.Kept computed = computed(q, unit, path, indicators, by, stamps, moved == null ? null : found.tallies(), moved);
        if (inputs.stamps(path, q.period().to()).equals(stamps)) {
            kept.put(key, computed);
            if (moved == null || !moved.isEmpty()) {
                tallies.save(key, stamps, computed.tallies(), clock.instant());
            }
        }
        return computed.values();
    }

    /** Forgets the values kept in memory, as a restart does; the tallies saved in PostgreSQL stay. */
    void forgetKeptValues() {
        kept.clear();
    }

    /** The values counted afresh, or for the {@code recount} parts only when not null, the others taken from {@code earlier}. */
    private KeptValues.Kept computed(Query q, UnitDirectory.UnitSummary unit, String path, List<Indicator> indicators, Set<String> by,
                                     IndicatorInputs.Stamps stamps, IndicatorEngine.Tallies earlier, Set<String> recount) {
        Place place = new Place(unit.code(), path, by.contains(BY_UNIT) && unit.level() != UnitLevel.VILLAGE);
        List<String> dimensions = by.stream().filter(b -> !b.equals(BY_UNIT)).toList();
        IndicatorEngine.Run run = recount == null ? engine.start(place, q.period()) : engine.recount(place, q.period(), earlier, recount);
        run.countPopulation(indicators.stream().filter(Indicator::computable).map(i -> IndicatorDefinitions.of(i.key()))
                .flatMap(d -> Stream.of(d.numerator(), d.denominator()).filter(Objects::nonNull)).toList());
        List<String> parts = run.parts();
        Map<String, UnitDirectory.UnitSummary> named = units.findAll(parts);
        List<Result> results = new ArrayList<>();
        for (Indicator indicator : indicators) {
            List<Value> values = indicator.computable()
                    ? values(indicator, run.counts(indicator, IndicatorDefinitions.of(indicator.key()), dimensions), unit, parts,
                            named, q.suppressBelow())
                    : null;
            results.add(new Result(indicator.key(), indicator.officialCode(), indicator.provisional(), indicator.confidence(),
                    indicator.group().code(), indicator.group().appendix(), indicator.nameVi(), indicator.nameEn(), indicator.kind(),
                    values != null, indicator.heldBy(), indicator.usesUnitFacts(), values));
        }
        Period p = q.period();
        return new KeptValues.Kept(stamps, run.tallies(), new Values(catalogue.version(), new UnitRef(unit.code(), unit.name(), unit.level()),
                new PeriodView(p.label(), p.from(), p.to(), p.dhis2()), p.to(), clock.instant(), q.suppressBelow(), results));
    }

    /**
     * Kept values with the units named as the directory names them now: a unit renamed since is a
     * change of the unit tree, which moves every stamp, but another instance learns of it only
     * when its directory reloads.
     */
    private Values named(Values values, UnitDirectory.UnitSummary unit) {
        Map<String, UnitDirectory.UnitSummary> named = units.findAll(values.indicators().stream().filter(r -> r.values() != null)
                .flatMap(r -> r.values().stream()).map(Value::unitCode).filter(code -> !code.equals(unit.code())).distinct().toList());
        Function<Value, Value> rename = v -> v.named(v.unitCode().equals(unit.code()) ? unit.name()
                : named.containsKey(v.unitCode()) ? named.get(v.unitCode()).name() : null);
        return new Values(values.catalogueVersion(), new UnitRef(unit.code(), unit.name(), unit.level()), values.period(),
                values.cutOff(), values.generatedAt(), values.suppressBelow(),
                values.indicators().stream().map(r -> r.values() == null ? r : r.with(r.values().stream().map(rename).toList())).toList());
    }

    private List<Indicator> selected(List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return catalogue.all();
        }
        List<Indicator> selected = new ArrayList<>();
        for (String key : keys) {
            selected.add(catalogue.find(key).orElseThrow(() -> ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "keys",
                    "'" + key + "' is not an indicator of the catalogue (see /indicators).")));
        }
        return selected;
    }

    /** Values in a stable order: the unit then each unit below, each in total then by category. */
    static List<Value> values(Indicator indicator, List<Count> counts, UnitDirectory.UnitSummary unit, List<String> parts,
                                      Map<String, UnitDirectory.UnitSummary> named, Integer suppressBelow) {
        List<Count> all = new ArrayList<>(counts);
        Set<String> present = new HashSet<>();
        counts.stream().filter(c -> c.dimension() == null && c.part() != null).forEach(c -> present.add(c.part()));
        boolean hasDenominator = counts.stream().anyMatch(c -> c.denominator() != null);
        parts.stream().filter(p -> !present.contains(p)).forEach(p -> all.add(new Count(p, null, null, 0, hasDenominator ? 0L : null)));
        List<String> bands = indicator.ageBands().stream().map(IndicatorCatalogue.AgeBand::code).toList();
        all.sort(Comparator.comparing((Count c) -> c.part() == null ? "" : c.part())
                .thenComparing(c -> c.dimension() == null ? "" : c.dimension())
                // Age bands in the order of age (AGE_0_5, AGE_6_10, AGE_11_15), other categories by code.
                .thenComparing(c -> c.category() == null ? "" : BY_AGE_BAND.equals(c.dimension())
                        ? String.format("%03d", bands.indexOf(c.category())) : c.category()));
        return all.stream().map(c -> {
            String code = c.part() == null ? unit.code() : c.part();
            String name = c.part() == null ? unit.name() : named.containsKey(c.part()) ? named.get(c.part()).name() : null;
            boolean suppress = suppressBelow != null && (small(c.numerator(), suppressBelow) || small(c.denominator(), suppressBelow));
            if (suppress) {
                return new Value(code, name, c.dimension(), c.category(), null, null, null, true);
            }
            return new Value(code, name, c.dimension(), c.category(), c.numerator(), c.denominator(),
                    value(indicator.kind(), c.numerator(), c.denominator()), null);
        }).toList();
    }

    private static boolean small(Long count, int limit) {
        return count != null && count > 0 && count < limit;
    }

    static BigDecimal value(Kind kind, long numerator, Long denominator) {
        return switch (kind) {
            case COUNT -> BigDecimal.valueOf(numerator);
            case PERCENT -> ratio(numerator, denominator, 100);
            case RATE_PER_100000 -> ratio(numerator, denominator, 100_000);
        };
    }

    private static BigDecimal ratio(long numerator, Long denominator, long scale) {
        if (denominator == null || denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator * scale).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    /** The unit's path at the end of the period; 400 when it was not in force then. */
    private String pathOn(String code, LocalDate day) {
        return units.pathOn(code, day).orElseThrow(() -> ApiException.BadRequest.field(ProblemCode.UNIT_NOT_IN_FORCE, "unit", "The unit " + code
                + " was not in force at the end of the period (" + day + "); ask for the unit that succeeded it, or for an earlier period."));
    }
}
