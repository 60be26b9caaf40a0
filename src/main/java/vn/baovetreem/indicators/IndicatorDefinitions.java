package vn.baovetreem.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How each computable indicator of the catalogue is counted, read from
 * {@code indicators/definitions.yaml} beside the catalogue (which explains the format): SQL that
 * lists the entities of its numerator and denominator, each with the unit it belongs to, a weight
 * and the columns its disaggregations read.
 */
final class IndicatorDefinitions {

    static final String RESOURCE = "indicators/definitions.yaml";

    /** One side of an indicator: its entities and the disaggregations it can be broken down by. */
    record Source(String sql, boolean weighted, Map<String, String> dims, String kidsFilter) {

        Optional<String> dim(String code) {
            return Optional.ofNullable(dims.get(code));
        }

        /** The rows a multi-valued disaggregation of this side reads: of a kids side, only its children in some category ({@link IndicatorDefinitions#ON_DEMAND}). */
        String breakdownSql() {
            return kidsFilter == null ? sql : kidsRows(CATEGORISED, kidsFilter);
        }

        /** Whether the disaggregation gives an entity several categories (a lateral join). */
        static boolean multiValued(String fragment) {
            return fragment.startsWith("cross join lateral");
        }
    }

    record Definition(Source numerator, Source denominator) {
    }

    /** A table made by {@code statements} for the first statement of a run that reads it. */
    record OnDemand(String table, List<String> statements, Pattern reader) {

        OnDemand(String table, List<String> statements) {
            this(table, statements, Pattern.compile("\\b(from|join)\\s+" + table + "\\b"));
        }

        /** Whether {@code sql} reads this table. */
        boolean readBy(String sql) {
            return reader.matcher(sql).find();
        }
    }

    /** The columns of a row of the {@code kids} table, as a {@code kids} side selects them. */
    private static final String CHILD_COLUMNS = "k.id as entity, k.village_code as unit_code, 1 as weight, k.sex, k.ethnicity, k.age,"
            + " k.sc_groups, k.risk_categories, k.support_types";

    /** Children under 16 at their first qualifying case of the period ({@code %1$s}), aged as they were then ({@code %2$s}). */
    private static final String CHILD_EVENTS = """
            select cc.child_id as entity, cc.village_code as unit_code, 1 as weight, cc.sex, cc.ethnicity,
                   cast(min(extract(year from age(cast(%2$s at time zone :zone as date), cc.date_of_birth))) as int) as age
            from cases cc
            where cc.child_status <> 'MERGED' and %1$s
            group by cc.child_id, cc.village_code, cc.sex, cc.ethnicity
            having min(extract(year from age(cast(%2$s at time zone :zone as date), cc.date_of_birth))) < 16""";

    private static final Pattern FRAGMENT = Pattern.compile("\\$\\{([A-Z_]+)}");

    /** SQL that narrows a statement's rows to those of the units in {@code geo}, worth it only when they are few. */
    private static final Pattern FEW = Pattern.compile("\\{FEW:([^}]*)}");
    /** SQL for a statement when {@code geo} holds many units, in place of what its {@code {FEW: ...}} holds. */
    private static final Pattern MANY = Pattern.compile("\\{MANY:([^}]*)}");
    /**
     * The tables a run makes for the first statement that reads them, each with the statements that
     * make it, in definitions.yaml: {@code kids}, the child population of the units in {@code geo};
     * {@code cases}, the period's cases of those children; {@code kids_categorised}, the children
     * of {@code kids} in a group, a risk category or a support type, all that a multi-valued
     * disaggregation of a kids side counts. A run that counts no child of the population, only
     * cases say, makes no population (a province's 0.6 s).
     */
    static final List<OnDemand> ON_DEMAND;
    /** The table of {@link #ON_DEMAND} that the breakdowns of kids sides read ({@link Source#breakdownSql}). */
    private static final String CATEGORISED = "kids_categorised";
    /** What a multi-valued disaggregation of a kids side must do, so that {@code kids_categorised} holds every child it counts. */
    private static final Pattern UNNESTS_CATEGORIES = Pattern.compile("unnest\\(e\\.(sc_groups|risk_categories|support_types)\\)");
    /** What a filter of a kids side must not do: the population's arrays are NULL when empty, and a negation or a test for NULL would count them unlike an empty array. */
    private static final Pattern TELLS_NULL = Pattern.compile("\\b(not|null|coalesce|nullif)\\b", Pattern.CASE_INSENSITIVE);
    /** A digest of the definitions as resolved, their SQL included: counts made under other definitions are not these definitions' counts. */
    static final String DIGEST;
    private static final Map<String, Definition> DEFINITIONS;

    static {
        JsonNode file = read(RESOURCE);
        ON_DEMAND = List.of(
                new OnDemand("kids", List.of(file.required("population").asText())),
                new OnDemand("cases", List.of(file.required("casesTable").asText(), "insert into cases " + file.required("periodCases").asText())),
                new OnDemand(CATEGORISED, List.of(file.required("categorisedPopulation").asText())));
        DEFINITIONS = definitions(file);
        StringBuilder all = new StringBuilder();
        ON_DEMAND.forEach(table -> table.statements().forEach(all::append));
        new TreeMap<>(DEFINITIONS).forEach((key, definition) -> Stream.of(definition.numerator(), definition.denominator())
                .filter(Objects::nonNull).forEach(side -> all.append(key).append(side.sql()).append(side.weighted())
                        .append(new TreeMap<>(side.dims())).append(side.kidsFilter())));
        DIGEST = digest(all.toString());
    }

    /** The indicators of a definitions file, their fragments resolved; fails on any part it cannot read. */
    static Map<String, Definition> definitions(JsonNode file) {
        Map<String, String> fragments = new LinkedHashMap<>();
        file.required("fragments").properties().forEach(e -> fragments.put(e.getKey(), e.getValue().asText()));
        Map<String, String> childDims = new LinkedHashMap<>();
        file.required("childDims").properties().forEach(e -> childDims.put(e.getKey(), e.getValue().asText()));
        Map<String, Definition> definitions = new LinkedHashMap<>();
        file.required("indicators").properties().forEach(e -> {
            Sides sides = new Sides(e.getKey(), fragments, childDims, definitions);
            definitions.put(e.getKey(), new Definition(sides.source(e.getValue().required("numerator")),
                    e.getValue().has("denominator") ? sides.source(e.getValue().get("denominator")) : null));
        });
        return Map.copyOf(definitions);
    }

    private IndicatorDefinitions() {
    }

    /**
     * {@code sql} for few units in {@code geo} or for many: with what its {@code {FEW: ...}} markers
     * hold and without what its {@code {MANY: ...}} hold, or the other way round.
     */
    static String sized(String sql, boolean few) {
        return MANY.matcher(FEW.matcher(sql).replaceAll(few ? "$1" : "")).replaceAll(few ? "" : "$1");
    }

    /** The rows of a kids side with {@code filter}, from {@code table}. */
    private static String kidsRows(String table, String filter) {
        return "select " + CHILD_COLUMNS + " from " + table + " k where " + filter;
    }

    /** The definition of a computable indicator; {@link #agreeWith} makes sure there is one. */
    static Definition of(String key) {
        Definition definition = DEFINITIONS.get(key);
        if (definition == null) {
            throw new IllegalStateException("No definition for the indicator " + key);
        }
        return definition;
    }

    /**
     * Fails unless the computable indicators of the catalogue are exactly the ones defined here: an
     * indicator computed without a definition would answer no values, quietly.
     */
    static void agreeWith(Collection<IndicatorCatalogue.Indicator> catalogue) {
        Set<String> computable = new TreeSet<>();
        catalogue.stream().filter(IndicatorCatalogue.Indicator::computable).forEach(i -> computable.add(i.key()));
        Set<String> undefined = new TreeSet<>(computable);
        undefined.removeAll(DEFINITIONS.keySet());
        Set<String> unlisted = new TreeSet<>(DEFINITIONS.keySet());
        unlisted.removeAll(computable);
        if (!undefined.isEmpty() || !unlisted.isEmpty()) {
            throw new IllegalStateException("The indicator catalogue and the definitions disagree: computable without a definition "
                    + undefined + ", defined but not computable in the catalogue " + unlisted);
        }
    }

    /** Reads the sides of one indicator, naming it in every error. */
    private record Sides(String key, Map<String, String> fragments, Map<String, String> childDims, Map<String, Definition> earlier) {

        Source source(JsonNode side) {
            Map<String, String> dims = new LinkedHashMap<>();
            side.path("dims").properties().forEach(e -> dims.put(e.getKey(), resolve(e.getValue().asText())));
            if (side.has("kids")) {
                dims.forEach((code, fragment) -> {
                    if (Source.multiValued(fragment) && !UNNESTS_CATEGORIES.matcher(fragment).find()) {
                        throw invalid("the breakdown " + code + " of a kids side must unnest the child's groups, risk categories or support types");
                    }
                });
                String filter = resolve(side.get("kids").asText());
                if (TELLS_NULL.matcher(filter).find()) {
                    throw invalid("the filter of a kids side must not use not, null, coalesce or nullif: the population's arrays are NULL when empty");
                }
                return new Source(kidsRows("kids", filter), false, withChildDims(dims), filter);
            }
            if (side.has("children")) {
                return new Source(resolve(side.get("children").asText()), false, withChildDims(dims), null);
            }
            if (side.has("childEvents")) {
                JsonNode events = side.get("childEvents");
                return new Source(CHILD_EVENTS.formatted(resolve(events.required("cases").asText()), resolve(events.required("at").asText())),
                        false, withChildDims(dims), null);
            }
            if (side.has("subsetOf")) {
                Definition of = earlier.get(side.get("subsetOf").asText());
                if (of == null) {
                    throw invalid("subsetOf names no earlier indicator");
                }
                return side.has("where") ? new Source("select * from (" + of.numerator().sql() + ") s where " + resolve(side.get("where").asText()),
                        false, of.numerator().dims(), null) : of.numerator();
            }
            if (side.has("sql")) {
                return new Source(resolve(side.get("sql").asText()), side.path("weighted").asBoolean(false), Map.copyOf(dims), null);
            }
            throw invalid("a side needs one of kids, children, childEvents, subsetOf or sql");
        }

        private Map<String, String> withChildDims(Map<String, String> more) {
            Map<String, String> dims = new LinkedHashMap<>(childDims);
            dims.putAll(more);
            return dims;
        }

        /** {@code text} with each {@code ${NAME}} replaced by its fragment. */
        private String resolve(String text) {
            Matcher m = FRAGMENT.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String fragment = fragments.get(m.group(1));
                if (fragment == null) {
                    throw invalid("no fragment " + m.group(1));
                }
                m.appendReplacement(out, Matcher.quoteReplacement(fragment));
            }
            return m.appendTail(out).toString();
        }

        private IllegalStateException invalid(String what) {
            return new IllegalStateException(RESOURCE + ", indicator " + key + ": " + what);
        }
    }

    /** The SHA-256 of {@code text}, in hexadecimal. */
    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = IndicatorDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + resource, e);
        }
    }
}
