package vn.baovetreem.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.baovetreem.indicators.IndicatorCatalogue.AgeBand;
import vn.baovetreem.indicators.IndicatorCatalogue.Indicator;
import vn.baovetreem.indicators.IndicatorDefinitions.Source;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Counts the numerator and denominator of indicators in SQL: one grouped query per indicator side
 * and disaggregation, over the units that lay under the unit asked for at the end of the period
 * ({@code geo}), so records of a retired unit count toward its successor for periods after the
 * merger. The number of queries depends on the indicators and disaggregations asked for, never on
 * the number of units or records.
 */
@ApplicationScoped
class IndicatorEngine {

    /** The units under the unit asked for as they stood at the end of the period, each with the child unit it lies under. */
    private static final String GEO = """
            select u.code, u.level, case when nlevel(p.path) > :depth then ltree2text(subpath(p.path, :depth, 1)) end as part
            from admin_unit u join admin_unit_period p on p.unit_id = u.id
            where (p.valid_from is null or p.valid_from <= :to) and (p.valid_to is null or p.valid_to >= :to)
              and p.path <@ cast(:upath as ltree)""";
    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

    private final EntityManager em;
    private final Clock clock;

    IndicatorEngine(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Where to count: the unit's path at the end of the period, and whether to break it down by child units. */
    record Place(String unitCode, String path, boolean byUnit) {
    }

    /** One count: for the unit ({@code part} null) or one child unit, in total ({@code category} null) or one category. */
    record Count(String part, String dimension, String category, long numerator, Long denominator) {
    }

    /** The child units of the place at the end of the period, in code order. */
    @SuppressWarnings("unchecked")
    List<String> parts(Place place, Period period) {
        String sql = "with geo as (" + GEO + ") select distinct part from geo where part is not null order by part";
        return bind(em.createNativeQuery(sql), sql, place, period).getResultList();
    }

    /** The counts of {@code indicator} in total and by each of {@code dimensions} it supports. */
    List<Count> counts(Indicator indicator, IndicatorDefinitions.Definition definition, Place place, Period period,
                       List<String> dimensions) {
        List<Count> counts = new ArrayList<>();
        Map<String, Long> numeratorTotals = side(indicator, definition.numerator(), null, place, period);
        Map<String, Long> denominatorTotals = definition.denominator() == null ? Map.of()
                : side(indicator, definition.denominator(), null, place, period);
        numeratorTotals.forEach((part, n) -> counts.add(new Count(unkey(part), null, null, n, denominator(definition,
                denominatorTotals, part))));
        denominatorTotals.keySet().stream().filter(part -> !numeratorTotals.containsKey(part))
                .forEach(part -> counts.add(new Count(unkey(part), null, null, 0, denominatorTotals.get(part))));
        for (String dimension : dimensions) {
            Optional<String> fragment = definition.numerator().dim(dimension);
            if (fragment.isEmpty() || !indicator.disaggregations().contains(dimension)) {
                continue;
            }
            Map<String, Long> numerators = side(indicator, definition.numerator(), dimension, place, period);
            boolean denominatorByCategory = definition.denominator() != null && definition.denominator().dim(dimension).isPresent();
            Map<String, Long> denominators = denominatorByCategory
                    ? side(indicator, definition.denominator(), dimension, place, period) : Map.of();
            numerators.forEach((key, n) -> {
                String[] partAndCategory = key.split("\u0000", 2);
                String part = partAndCategory[0];
                Long d = definition.denominator() == null ? null
                        : denominatorByCategory ? denominators.getOrDefault(key, 0L) : denominatorTotals.getOrDefault(part, 0L);
                counts.add(new Count(unkey(part), dimension, partAndCategory[1], n, d));
            });
        }
        return counts;
    }

    private static Long denominator(IndicatorDefinitions.Definition definition, Map<String, Long> totals, String part) {
        return definition.denominator() == null ? null : totals.getOrDefault(part, 0L);
    }

    /**
     * One side counted by part (the key {@code ""} is the unit as a whole) and, with a dimension,
     * by part and category (keys {@code part + "\0" + category}).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Long> side(Indicator indicator, Source source, String dimension, Place place, Period period) {
        String join = dimension == null ? "" : source.dim(dimension).orElseThrow().replace("{AGE_BAND}", ageBand(indicator));
        String aggregate = source.weighted() ? "coalesce(sum(e.weight), 0)" : "count(distinct e.entity)";
        String groups;
        if (dimension == null) {
            groups = place.byUnit() ? " group by grouping sets ((), (g.part))" : "";
        } else {
            groups = place.byUnit() ? " group by grouping sets ((d.dim), (g.part, d.dim))" : " group by d.dim";
        }
        String partColumn = place.byUnit() ? "g.part, grouping(g.part)" : "cast(null as text), 1";
        String sql = "with kids as (" + IndicatorDefinitions.KIDS + "), geo as (" + GEO + ")"
                + " select " + partColumn + ", " + (dimension == null ? "cast(null as text)" : "d.dim") + ", " + aggregate
                + " from (" + source.sql() + ") e " + join + " join geo g on g.code = e.unit_code"
                + (dimension == null ? "" : " where d.dim is not null") + groups;
        List<Object[]> rows = bind(em.createNativeQuery(sql), sql, place, period).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            boolean wholeUnit = ((Number) row[1]).intValue() == 1;
            if (!wholeUnit && row[0] == null) {
                continue; // records of the unit itself, not of a unit below it: they count in the whole only
            }
            String part = wholeUnit ? "" : (String) row[0];
            String key = dimension == null ? part : part + "\u0000" + row[2];
            counts.put(key, ((Number) row[3]).longValue());
        }
        if (dimension == null) {
            counts.putIfAbsent("", 0L);
        }
        return counts;
    }

    private jakarta.persistence.Query bind(jakarta.persistence.Query query, String sql, Place place, Period period) {
        Map<String, Object> values = new HashMap<>();
        values.put("from", period.from());
        values.put("to", period.to());
        values.put("fromTs", period.from().atStartOfDay(clock.getZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
        values.put("toTs", period.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
        values.put("zone", clock.getZone().getId());
        values.put("year", period.to().getYear());
        values.put("upath", place.path());
        values.put("depth", place.path().split("\\.").length);
        PARAMETER.matcher(sql).results().map(m -> m.group(1)).distinct().forEach(name -> {
            if (values.containsKey(name)) {
                query.setParameter(name, values.get(name));
            }
        });
        return query;
    }

    /** The SQL giving the age band of {@code e.age} among the indicator's bands (null outside them). */
    private static String ageBand(Indicator indicator) {
        StringBuilder sql = new StringBuilder("case");
        for (AgeBand band : indicator.ageBands()) {
            sql.append(" when e.age >= ").append(band.from()).append(" and e.age < ").append(band.to())
                    .append(" then '").append(band.code()).append("'");
        }
        return sql.append(" end").toString();
    }

    private static String unkey(String part) {
        return part.isEmpty() ? null : part;
    }
}
