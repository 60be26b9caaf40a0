package vn.baovetreem.indicators;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.indicators.IndicatorCatalogue.Indicator;
import vn.baovetreem.indicators.IndicatorEngine.Count;
import vn.baovetreem.indicators.IndicatorEngine.Place;
import vn.baovetreem.testing.SqlRecords;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicator engine's SQL against PostgreSQL, without HTTP: what a run counts moves with the
 * records of its unit written in the same transaction (rolled back), and with no other unit's.
 * The values themselves are checked against an independent computation by {@code IndicatorApiTest}.
 */
@QuarkusTest
class IndicatorEngineTest {

    private static final Period YEAR = Period.named("2025");
    private static final LocalDate DAY = YEAR.to();

    @Inject
    IndicatorEngine engine;

    @Inject
    IndicatorCatalogue catalogue;

    @Inject
    UnitDirectory units;

    @Inject
    IndicatorInputs inputs;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void aRunCountsThePopulationAndItsGroupsFromTheUnitsRecordsAndNoOtherUnits() {
        Indicator indicator = catalogue.find("children-special-circumstances").orElseThrow();
        Place yenPhuc = new Place("06298", units.pathOn("06298", DAY).orElseThrow(), false);
        Place other = new Place("06253", units.pathOn("06253", DAY).orElseThrow(), false);
        List<Count> here = counts(yenPhuc, indicator);
        List<Count> there = counts(other, indicator);

        UUID orphan = SqlRecords.child(em);
        SqlRecords.span(em, orphan, "CIRCUMSTANCE", "ORPHANED", "2020-01-01", null);
        SqlRecords.span(em, orphan, "CIRCUMSTANCE", "ENDED_BEFORE", "2019-01-01", "2024-12-31");
        SqlRecords.child(em);

        List<Count> after = counts(yenPhuc, indicator);
        Count total = total(after);
        assertThat(total.numerator()).as("children in a group during the year").isEqualTo(total(here).numerator() + 1);
        assertThat(total.denominator()).as("children of the population").isEqualTo(total(here).denominator() + 2);
        assertThat(group(after, "ORPHANED")).isEqualTo(group(here, "ORPHANED") + 1);
        assertThat(group(after, "ENDED_BEFORE")).as("a span that ended before the year").isEqualTo(group(here, "ENDED_BEFORE"));
        assertThat(counts(other, indicator)).isEqualTo(there);
    }

    @ParameterizedTest(name = "by unit: {0}")
    @ValueSource(booleans = {true, false})
    @TestTransaction
    void aRecountOfThePartsWrittenInGivesWhatCountingAfreshGives(boolean byUnit) {
        String path = units.pathOn("20", DAY).orElseThrow();
        Place province = new Place("20", path, byUnit);
        IndicatorEngine.Run first = engine.start(province, YEAR);
        List<Count> before = everyCount(first);
        IndicatorInputs.Stamps stamps = inputs.stamps(path, DAY);

        UUID orphan = SqlRecords.child(em);
        SqlRecords.span(em, orphan, "CIRCUMSTANCE", "ORPHANED", "2020-01-01", null);
        SqlRecords.child(em, "2012-06-30", "ACTIVE", null);
        Set<String> moved = inputs.stamps(path, DAY).movedSince(stamps);
        String commune = units.pathOn(SqlRecords.VILLAGE, DAY).orElseThrow().split("\\.")[1];
        assertThat(moved).as("the part the writes were in").containsExactly(commune);

        assertThat(units(path)).as("counted afresh, the province's statements are those for many units").isGreaterThan(IndicatorEngine.FEW_UNITS);
        assertThat(units(path + "." + commune)).as("counted again, the commune's those for few").isLessThanOrEqualTo(IndicatorEngine.FEW_UNITS);

        List<Count> recounted = everyCount(engine.recount(province, YEAR, first.tallies(), moved));
        List<Count> afresh = everyCount(engine.start(province, YEAR));
        assertThat(recounted).containsExactlyInAnyOrderElementsOf(afresh);
        assertThat(afresh).as("the writes changed what is counted").isNotEqualTo(before);
        assertThat(recounted.stream().filter(c -> c.part() != null && !c.part().equals(commune)).toList())
                .as("the parts not counted again").containsExactlyInAnyOrderElementsOf(
                        before.stream().filter(c -> c.part() != null && !c.part().equals(commune)).toList());
    }

    @Test
    @TestTransaction
    void aRunMakesThePopulationAndTheTablesOfCasesAndOfCategorisedChildrenOnlyWhenASideReadsThem() {
        Place yenPhuc = new Place("06298", units.pathOn("06298", DAY).orElseThrow(), false);
        counts(yenPhuc, catalogue.find("child-population").orElseThrow());
        assertThat(tables()).as("the population alone").containsExactly(true, false, false);
        counts(yenPhuc, catalogue.find("children-special-circumstances").orElseThrow());
        assertThat(tables()).as("a breakdown by group").containsExactly(true, false, true);
        counts(yenPhuc, catalogue.find("abused-children").orElseThrow());
        assertThat(tables()).as("a side over cases alone").containsExactly(false, true, false);
    }

    @ParameterizedTest(name = "period {0}")
    @ValueSource(strings = {"2024-02", "2025-02", "2025-03", "2025", "2028-02"})
    @TestTransaction
    void aChildsAgeInThePopulationIsTheirAgeOnTheLastDayOfThePeriod(String name) {
        Period period = Period.named(name);
        LocalDate to = period.to();
        Set<LocalDate> days = new TreeSet<>();
        for (int years = 0; years <= 15; years++) {
            LocalDate birthday = to.minusYears(years);
            // The day of year 60 is 29 February in a leap year and 1 March in others.
            days.addAll(List.of(birthday, birthday.plusDays(1), LocalDate.of(birthday.getYear(), 2, 28),
                    LocalDate.ofYearDay(birthday.getYear(), 60), LocalDate.of(birthday.getYear(), 3, 1)));
        }
        days.removeIf(day -> !day.isAfter(to.minusYears(16)) || day.isAfter(to));
        Map<UUID, LocalDate> born = new HashMap<>();
        days.forEach(day -> born.put(SqlRecords.child(em, day.toString(), "ACTIVE", null), day));
        populationCounted(new Place("20", units.pathOn("20", to).orElseThrow(), false), period,
                IndicatorDefinitions.of("child-population"));

        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, age from kids where id = any(?1)")
                .setParameter(1, born.keySet().toArray(UUID[]::new)).getResultList();
        Map<LocalDate, Integer> ages = new TreeMap<>();
        rows.forEach(row -> ages.put(born.get((UUID) row[0]), ((Number) row[1]).intValue()));
        Map<LocalDate, Integer> expected = new TreeMap<>();
        born.values().forEach(day -> expected.put(day, java.time.Period.between(day, to).getYears()));
        assertThat(ages).as("by birth date, ages on %s of children born on birthdays, the days after and around 29 February", to)
                .isEqualTo(expected);
    }

    /** Whether the transaction holds the tables of the population, of cases and of categorised children. */
    private List<Boolean> tables() {
        Object[] row = (Object[]) em.createNativeQuery("select to_regclass('pg_temp.kids') is not null,"
                + " to_regclass('pg_temp.cases') is not null, to_regclass('pg_temp.kids_categorised') is not null").getSingleResult();
        return List.of((Boolean) row[0], (Boolean) row[1], (Boolean) row[2]);
    }

    private long units(String path) {
        return ((Number) em.createNativeQuery("select count(*) from unit_positions(?1) where path <@ cast(?2 as ltree)")
                .setParameter(1, DAY).setParameter(2, path).getSingleResult()).longValue();
    }

    /** Every computable indicator's counts by every breakdown of the catalogue, after the population pass. */
    private List<Count> everyCount(IndicatorEngine.Run run) {
        List<Indicator> computable = catalogue.all().stream().filter(Indicator::computable).toList();
        run.countPopulation(computable.stream().map(i -> IndicatorDefinitions.of(i.key()))
                .flatMap(d -> Stream.of(d.numerator(), d.denominator()).filter(Objects::nonNull)).toList());
        List<String> dimensions = catalogue.disaggregations().stream().map(IndicatorCatalogue.Disaggregation::code)
                .filter(d -> !d.equals(IndicatorService.BY_UNIT)).toList();
        return computable.stream().flatMap(i -> run.counts(i, IndicatorDefinitions.of(i.key()), dimensions).stream()).toList();
    }

    private List<Count> counts(Place place, Indicator indicator) {
        IndicatorDefinitions.Definition definition = IndicatorDefinitions.of(indicator.key());
        return populationCounted(place, YEAR, definition).counts(indicator, definition, List.of("SC_GROUP"));
    }

    /** A run of {@code place} and {@code period} after its population pass for {@code definition}'s sides. */
    private IndicatorEngine.Run populationCounted(Place place, Period period, IndicatorDefinitions.Definition definition) {
        IndicatorEngine.Run run = engine.start(place, period);
        run.countPopulation(Stream.of(definition.numerator(), definition.denominator()).filter(Objects::nonNull).toList());
        return run;
    }

    private static Count total(List<Count> counts) {
        return counts.stream().filter(c -> c.part() == null && c.dimension() == null).findFirst().orElseThrow();
    }

    private static long group(List<Count> counts, String code) {
        return counts.stream().filter(c -> "SC_GROUP".equals(c.dimension()) && code.equals(c.category()))
                .mapToLong(Count::numerator).sum();
    }
}
