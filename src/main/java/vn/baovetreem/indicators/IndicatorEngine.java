package vn.baovetreem.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.baovetreem.common.persistence.NativeValues;
import vn.baovetreem.common.persistence.JdbcRows;
import vn.baovetreem.indicators.IndicatorCatalogue.AgeBand;
import vn.baovetreem.indicators.IndicatorCatalogue.Indicator;
import vn.baovetreem.indicators.IndicatorDefinitions.Source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Counts the numerator and denominator of indicators in SQL. A run first materialises, for the
 * transaction, the units that stood under the unit asked for at the end of the period
 * ({@code geo}, from {@code unit_positions}: a unit retired before that day stands where its
 * successor stands, so its records count toward the successor for periods after the change;
 * {@code in_force} tells the units that existed that day), then, each for the first statement
 * that reads it, their child population ({@code kids}) and the other tables of
 * {@link IndicatorDefinitions#ON_DEMAND}. Every side that selects children of that population is
 * counted in one pass ({@link Run#countPopulation}); every other side is one grouped query for its total and
 * single-valued disaggregations; each multi-valued disaggregation is one more. Identical sides are counted once per run. The number of queries depends on the indicators
 * and disaggregations asked for, never on the number of units or records.
 */
@ApplicationScoped
class IndicatorEngine {

    private static final String GEO = """
            insert into geo (code, level, part, in_force)
            select code, level, case when nlevel(path) > :depth then ltree2text(subpath(path, :depth, 1)) end, in_force
            from unit_positions(:to) where path <@ cast(:upath as ltree)""";
    /**
     * Up to how many units in {@code geo} statements take the conditions of their {@code {FEW: ...}}
     * markers: for the population, a commune's 26 units 75 ms with them against 105 ms, a
     * province's 1,571 units 1.3 s against 0.75 s.
     */
    static final int FEW_UNITS = 100;
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):(\\w+)");
    /** Separates the part from the category in the keys of a side's counts. */
    private static final String SEP = "\u0000";
    /** The breakdowns {@link Run#countPopulation} counts the population by. */
    private static final Set<String> POPULATION_DIMENSIONS = Set.of("SEX", "ETHNICITY", "AGE_BAND");
    /**
     * The statements of the definitions as runs use them, by text, for few units ({@link #FEW_UNITS})
     * and for many: each is made ready once, not once per run (a commune counted afresh runs some
     * fifty). There are as many as the catalogue's indicators and breakdowns make, a fixed number.
     */
    private static final Map<String, Template> FEW_TEMPLATES = new ConcurrentHashMap<>();
    private static final Map<String, Template> MANY_TEMPLATES = new ConcurrentHashMap<>();

    private final EntityManager em;
    private final Clock clock;

    IndicatorEngine(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Where to count: the unit, its path at the end of the period, and whether to break it down by child units. */
    record Place(String unitCode, String path, boolean byUnit) {
    }

    /** One count: for the unit ({@code part} null) or one child unit, in total ({@code category} null) or one category. */
    record Count(String part, String dimension, String category, long numerator, Long denominator) {
    }

    /** Prepares a run inside the current transaction. */
    Run start(Place place, Period period) {
        return start(place, period, null, null);
    }

    /**
     * Prepares a run that counts again only the {@code recount} parts of the place ({@code ""} for
     * its own records, else the code of a unit below it) and takes every other part's counts from
     * {@code earlier}, a run of the same place, period and question whose parts the writes since
     * have not touched.
     */
    Run recount(Place place, Period period, Tallies earlier, Set<String> recount) {
        return start(place, period, Objects.requireNonNull(earlier), Objects.requireNonNull(recount));
    }

    private Run start(Place place, Period period, Tallies earlier, Set<String> recount) {
        Run run = new Run(place, period, earlier, recount);
        // The driver prepares statements it sees often, and a generic plan of these queries (period
        // and unit unknown) can be a hundred times slower than one made for the actual values. The
        // population pass groups a province's 300,000 children into some 10,000 cells (7 MB): with the
        // default 4 MB of work_mem, PostgreSQL, which has no statistics of kids, sorts them on disk
        // instead of hashing them, twice as slow (docs/indicators.md).
        em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true), set_config('work_mem', '32MB', true)")
                .getSingleResult();
        // A run before this one in the same transaction left its tables.
        em.createNativeQuery("drop table if exists pg_temp.geo" + IndicatorDefinitions.ON_DEMAND.stream()
                .map(table -> ", pg_temp." + table.table()).collect(Collectors.joining())).executeUpdate();
        em.createNativeQuery("create temporary table geo (code varchar(20) primary key, level varchar(10), part text,"
                + " in_force boolean) on commit drop").executeUpdate();
        int units = run.update(GEO);
        if (place.byUnit()) {
            run.parts = em.createNativeQuery("select distinct part from geo where part is not null order by part", String.class)
                    .getResultList();
        }
        if (recount != null) {
            units -= em.createNativeQuery("delete from geo where coalesce(part, '') <> all(cast(?1 as text[]))")
                    .setParameter(1, NativeValues.array(recount)).executeUpdate();
        }
        em.createNativeQuery("analyze geo").executeUpdate();
        run.few = units <= FEW_UNITS;
        return run;
    }

    /**
     * What a run counted, side by side ({@link Run#side}): for each part, {@code ""} for the records
     * of the place itself or the code of the unit below it they stand under, the side's total
     * (key {@code ""}) and its count in each category of each breakdown ({@code dimension + SEP +
     * category}). Totals of the place are the sums over its parts, so the parts of two runs can be
     * put together. Never changed once the run is over.
     */
    record Tallies(Map<String, Map<String, Map<String, Long>>> sides) {
    }

    /** Counting for one unit and period, within one transaction. */
    final class Run {

        private final Place place;
        private final Period period;
        private final Tallies earlier;
        private final Set<String> recount;
        private final Map<String, Map<String, Map<String, Long>>> memo = new HashMap<>();
        /**
         * The rows of each multi-valued disaggregation's query: two sides that differ only in their
         * single-valued disaggregations or age bands share it (a province's groups of children in
         * special circumstances, 40 ms).
         */
        private final Map<String, List<Grouped>> breakdowns = new HashMap<>();
        /** The index of each population filter in the counts of a {@link Cell}, and its column {@code f0}, {@code f1}... */
        private final Map<String, Integer> filters = new LinkedHashMap<>();
        /** The population pass's cells, read once: every side of the population rolls them up. */
        private List<Cell> population = List.of();
        private List<String> parts = List.of();
        /** Whether {@code geo} holds few units ({@link #FEW_UNITS}). */
        private boolean few;
        /** The tables of {@link IndicatorDefinitions#ON_DEMAND} this run has made. */
        private final Set<String> made = new HashSet<>();

        /** The values of the parameters the definitions' SQL may name ({@code :from}...). */
        private final Map<String, Object> parameters;

        private Run(Place place, Period period, Tallies earlier, Set<String> recount) {
            this.place = place;
            this.period = period;
            this.earlier = earlier;
            this.recount = recount;
            this.parameters = Map.of(
                    "from", period.from(),
                    "to", period.to(),
                    "fromTs", period.from().atStartOfDay(clock.getZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                    "toTs", period.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                    "zone", clock.getZone().getId(),
                    "year", period.to().getYear(),
                    "upath", place.path(),
                    "depth", place.path().split("\\.").length);
        }

        /**
         * Counts, in one pass over {@code kids}, every side of {@code sources} that selects
         * children of the population, by child unit, sex, ethnicity and age: the single-valued
         * breakdowns of those sides are then rolled up from these rows.
         */
        void countPopulation(Collection<Source> sources) {
            sources.stream().map(Source::kidsFilter).filter(Objects::nonNull).distinct()
                    .forEach(filter -> filters.put(filter, filters.size()));
            if (filters.isEmpty()) {
                return;
            }
            StringBuilder sql = new StringBuilder("select k.part, k.sex, coalesce(k.ethnicity, 'UNKNOWN') as ethnicity, k.age");
            filters.forEach((filter, index) -> sql.append(", count(*) filter (where ").append(filter).append(") as f").append(index));
            sql.append(" from kids k group by 1, 2, 3, 4");
            // Read once here, not once per side: a province's 10,000 cells rolled up for twenty sides
            // made a million look-ups by column name (docs/indicators.md). The counts are read by
            // position (f0 is the fifth column), and each cell's keys are made once.
            Map<String, String> keys = new HashMap<>();
            population = rows(sql.toString(), row -> {
                long[] counts = new long[filters.size()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = row.getLong(5 + i);
                }
                String sex = row.getString(2);
                return new Cell(part(row), sex == null ? null : keys.computeIfAbsent("SEX" + SEP + sex, k -> k),
                        keys.computeIfAbsent("ETHNICITY" + SEP + row.getString(3), k -> k), row.getInt(4), counts);
            });
        }

        /** The child units of the place at the end of the period, in code order; none unless counting by unit. */
        List<String> parts() {
            return parts;
        }

        /** What this run counted, for a later {@link #recount}. */
        Tallies tallies() {
            return new Tallies(Map.copyOf(memo));
        }

        /** The counts of {@code indicator} in total and by each of {@code dimensions} it supports. */
        List<Count> counts(Indicator indicator, IndicatorDefinitions.Definition definition, List<String> dimensions) {
            List<String> wanted = dimensions.stream().filter(indicator.disaggregations()::contains)
                    .filter(d -> definition.numerator().dim(d).isPresent()).toList();
            Map<String, Map<String, Long>> numerator = side(indicator, definition.numerator(), wanted);
            List<String> denominatorDimensions = definition.denominator() == null ? List.of()
                    : wanted.stream().filter(d -> definition.denominator().dim(d).isPresent()).toList();
            Map<String, Map<String, Long>> denominator = definition.denominator() == null ? null
                    : side(indicator, definition.denominator(), denominatorDimensions);
            List<Count> counts = new ArrayList<>(partCounts(null, total(numerator), denominator == null ? null : total(denominator),
                    denominatorDimensions));
            if (place.byUnit()) {
                Set<String> present = new TreeSet<>(numerator.keySet());
                if (denominator != null) {
                    present.addAll(denominator.keySet());
                }
                present.remove("");
                for (String part : present) {
                    counts.addAll(partCounts(part, numerator.getOrDefault(part, Map.of()),
                            denominator == null ? null : denominator.getOrDefault(part, Map.of()), denominatorDimensions));
                }
            }
            return counts;
        }

        /**
         * One side counted by part, in total and by each of {@code dimensions} ({@link Tallies});
         * in a recount, the parts not counted again are the earlier run's.
         */
        private Map<String, Map<String, Long>> side(Indicator indicator, Source source, List<String> dimensions) {
            String band = ageBand(indicator);
            List<String> columns = new ArrayList<>();
            List<String> laterals = new ArrayList<>();
            for (String d : dimensions) {
                (Source.multiValued(source.dim(d).orElseThrow()) ? laterals : columns).add(d);
            }
            String memoKey = source.sql() + SEP + band + SEP + columns + SEP + laterals;
            Map<String, Map<String, Long>> cached = memo.get(memoKey);
            if (cached != null) {
                return cached;
            }
            Map<String, Map<String, Long>> counts = source.kidsFilter() != null && filters.containsKey(source.kidsFilter())
                    ? populationCounts(indicator, source.kidsFilter(), columns) : columnCounts(source, columns, band);
            for (String d : laterals) {
                lateralCounts(source, d, counts);
            }
            if (earlier != null) {
                Map<String, Map<String, Long>> before = earlier.sides().get(memoKey);
                if (before == null) {
                    throw new IllegalStateException("The earlier run did not count this side, so it is not a run of the same question");
                }
                Map<String, Map<String, Long>> merged = new HashMap<>(before);
                merged.keySet().removeAll(recount);
                merged.putAll(counts);
                counts = merged;
            }
            memo.put(memoKey, counts);
            return counts;
        }

        /**
         * The total and every single-valued disaggregation of one side from one query: the counts
         * by child unit and every such disaggregation at once (a small cube, since each entity
         * falls in exactly one cell), rolled up here.
         */
        private Map<String, Map<String, Long>> columnCounts(Source source, List<String> dimensions, String band) {
            List<String> expressions = dimensions.stream().map(d -> source.dim(d).orElseThrow().replace("{AGE_BAND}", band)).toList();
            StringBuilder select = new StringBuilder("select g.part");
            StringBuilder groups = new StringBuilder(" group by g.part");
            for (int i = 0; i < expressions.size(); i++) {
                select.append(", ").append(expressions.get(i)).append(" as d").append(i);
                groups.append(", ").append(i + 2);
            }
            String sql = select + ", " + aggregate(source) + " as n from (" + source.sql() + ") e join geo g on g.code = e.unit_code"
                    + groups;
            Map<String, Map<String, Long>> counts = new HashMap<>();
            for (Grouped row : rows(sql, row -> {
                String[] categories = new String[dimensions.size()];
                for (int i = 0; i < categories.length; i++) {
                    categories[i] = row.getString("d" + i);
                }
                return new Grouped(part(row), categories, row.getLong("n"));
            })) {
                Map<String, Long> part = counts.computeIfAbsent(row.part(), k -> new HashMap<>());
                part.merge("", row.count(), Long::sum);
                for (int i = 0; i < dimensions.size(); i++) {
                    if (row.categories()[i] != null) {
                        part.merge(dimensions.get(i) + SEP + row.categories()[i], row.count(), Long::sum);
                    }
                }
            }
            return counts;
        }

        /** A side of the population counted by {@link #countPopulation}, rolled up by child unit and breakdown. */
        private Map<String, Map<String, Long>> populationCounts(Indicator indicator, String filter, List<String> dimensions) {
            int column = filters.get(filter);
            boolean bySex = dimensions.contains("SEX");
            boolean byEthnicity = dimensions.contains("ETHNICITY");
            boolean byAge = dimensions.contains("AGE_BAND");
            for (String dimension : dimensions) {
                if (!POPULATION_DIMENSIONS.contains(dimension)) {
                    throw new IllegalStateException("Not a breakdown of the population: " + dimension);
                }
            }
            Map<Integer, String> bandKeys = new HashMap<>();
            Map<String, Map<String, Long>> counts = new HashMap<>();
            for (Cell cell : population) {
                long count = cell.counts()[column];
                if (count == 0) {
                    continue;
                }
                Map<String, Long> part = counts.computeIfAbsent(cell.part(), k -> new HashMap<>());
                part.merge("", count, Long::sum);
                if (bySex && cell.sexKey() != null) {
                    part.merge(cell.sexKey(), count, Long::sum);
                }
                if (byEthnicity) {
                    part.merge(cell.ethnicityKey(), count, Long::sum);
                }
                if (byAge) {
                    String band = bandKeys.computeIfAbsent(cell.age(), age -> {
                        String code = band(indicator, age);
                        return code == null ? "" : "AGE_BAND" + SEP + code;
                    });
                    if (!band.isEmpty()) {
                        part.merge(band, count, Long::sum);
                    }
                }
            }
            return counts;
        }

        /** One multi-valued disaggregation of one side, by child unit and category, added to {@code counts}. */
        private void lateralCounts(Source source, String dimension, Map<String, Map<String, Long>> counts) {
            String sql = "select g.part, d.dim, " + aggregate(source) + " as n from (" + source.breakdownSql() + ") e " + source.dim(dimension).orElseThrow()
                    + " join geo g on g.code = e.unit_code where d.dim is not null group by g.part, d.dim";
            List<Grouped> rows = breakdowns.computeIfAbsent(sql,
                    breakdown -> rows(breakdown, row -> new Grouped(part(row), new String[] {row.getString("dim")}, row.getLong("n"))));
            for (Grouped row : rows) {
                counts.computeIfAbsent(row.part(), k -> new HashMap<>()).merge(dimension + SEP + row.categories()[0], row.count(), Long::sum);
            }
        }

        /**
         * The rows of {@code sql} with this run's parameters, read with JDBC: a fresh commune export
         * runs some fifty statements, and Hibernate's handling of each native query cost about as
         * much as the smaller ones (docs/indicators.md). The first statement of a run, Hibernate's,
         * flushed the session.
         */
        private <T> List<T> rows(String sql, JdbcRows.Mapper<T> mapper) {
            Bound bound = bound(sql);
            return JdbcRows.list(em, bound.sql(), mapper, bound.values());
        }

        private int update(String sql) {
            Bound bound = bound(sql);
            return JdbcRows.update(em, bound.sql(), bound.values());
        }

        /**
         * {@code sql} ready to run: the tables of {@link IndicatorDefinitions#ON_DEMAND} it reads
         * made unless this run made them, sized for this run, each {@code :name} a JDBC {@code ?}
         * with its value.
         */
        private Bound bound(String sql) {
            Template template = (few ? FEW_TEMPLATES : MANY_TEMPLATES).computeIfAbsent(sql, key -> Template.of(sql, few));
            for (IndicatorDefinitions.OnDemand table : template.reads()) {
                if (made.add(table.table())) {
                    table.statements().forEach(this::update);
                }
            }
            Object[] values = new Object[template.names().size()];
            for (int i = 0; i < values.length; i++) {
                String name = template.names().get(i);
                values[i] = parameters.get(name);
                if (values[i] == null) {
                    throw new IllegalStateException("The indicators' SQL names no parameter :" + name);
                }
            }
            return new Bound(template.jdbc(), values);
        }
    }

    /**
     * A statement of the definitions ready for JDBC: its text sized, with a {@code ?} for each
     * {@code :name} (the names in order), and the tables of {@link IndicatorDefinitions#ON_DEMAND}
     * it reads, in their order.
     */
    private record Template(String jdbc, List<String> names, List<IndicatorDefinitions.OnDemand> reads) {

        static Template of(String sql, boolean few) {
            List<String> names = new ArrayList<>();
            String jdbc = PARAMETER.matcher(IndicatorDefinitions.sized(sql, few)).replaceAll(m -> {
                names.add(m.group(1));
                return "?";
            });
            return new Template(jdbc, List.copyOf(names),
                    IndicatorDefinitions.ON_DEMAND.stream().filter(table -> table.readBy(sql)).toList());
        }
    }

    /** A statement with positional parameters and their values, in order. */
    private record Bound(String sql, Object[] values) {
    }

    /** A count of a part ({@code ""} for the place's own records) in one category of each of a statement's breakdowns. */
    private record Grouped(String part, String[] categories, long count) {
    }

    /** The part of a row's {@code part} column: {@code ""} for the place's own records. */
    private static String part(ResultSet row) throws SQLException {
        String part = row.getString("part");
        return part == null ? "" : part;
    }

    /**
     * Children of the population counted together: of a part ({@code ""} for the place's own), sex,
     * ethnicity and age, under each filter. Sex and ethnicity are held as the keys of their
     * categories ({@code dimension + SEP + category}), made once for all sides.
     */
    private record Cell(String part, String sexKey, String ethnicityKey, int age, long[] counts) {
    }

    /** Every source yields one row per entity (and per category in a lateral join), so rows are counted as they are. */
    private static String aggregate(Source source) {
        return source.weighted() ? "coalesce(sum(e.weight), 0)" : "count(*)";
    }

    /** A side's counts over all its parts: the place as a whole. */
    private static Map<String, Long> total(Map<String, Map<String, Long>> side) {
        Map<String, Long> total = new HashMap<>();
        side.values().forEach(part -> part.forEach((key, count) -> total.merge(key, count, Long::sum)));
        return total;
    }

    /**
     * The counts of one part ({@code null}: the place as a whole): its total, then each category of
     * the numerator, over the denominator's count in the same category where the denominator has
     * that breakdown and over its total where it has not.
     */
    private static List<Count> partCounts(String part, Map<String, Long> numerator, Map<String, Long> denominator,
                                      List<String> denominatorDimensions) {
        Long denominatorTotal = denominator == null ? null : denominator.getOrDefault("", 0L);
        List<Count> counts = new ArrayList<>();
        counts.add(new Count(part, null, null, numerator.getOrDefault("", 0L), denominatorTotal));
        numerator.forEach((key, n) -> {
            if (!key.isEmpty()) {
                String[] dimensionAndCategory = key.split(SEP, 2);
                Long d = denominator == null ? null
                        : denominatorDimensions.contains(dimensionAndCategory[0]) ? denominator.getOrDefault(key, 0L) : denominatorTotal;
                counts.add(new Count(part, dimensionAndCategory[0], dimensionAndCategory[1], n, d));
            }
        });
        return counts;
    }

    /** The indicator's age band of {@code age}, or null outside them. */
    private static String band(Indicator indicator, int age) {
        return indicator.ageBands().stream().filter(b -> age >= b.from() && age < b.to()).map(AgeBand::code).findFirst().orElse(null);
    }

    /** The SQL giving the age band of {@code e.age} among the indicator's bands (null outside them). */
    private static String ageBand(Indicator indicator) {
        if (indicator.ageBands().isEmpty()) {
            return "cast(null as text)";
        }
        StringBuilder sql = new StringBuilder("case");
        for (AgeBand band : indicator.ageBands()) {
            sql.append(" when e.age >= ").append(band.from()).append(" and e.age < ").append(band.to())
                    .append(" then '").append(band.code()).append("'");
        }
        return sql.append(" end").toString();
    }

}
