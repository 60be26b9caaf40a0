package vn.baovetreem.indicators;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How each computable indicator of the catalogue is counted: SQL that lists the entities of its
 * numerator and denominator (children, cases, sites, activities or units), each with the unit it
 * belongs to ({@code unit_code}, a village or a commune), a {@code weight} and the columns its
 * disaggregations read, one row per entity. A disaggregation is either a column expression over
 * the entity ({@code e.sex}) or, when an entity may have several categories (a child in two
 * groups), a lateral join giving each of them as {@code d.dim}; such an entity counts once in
 * each category and once in the total.
 *
 * <p>Parameters: {@code :from}, {@code :to} (days), {@code :fromTs}, {@code :toTs} (the instants
 * the period starts and ends in the service's time zone), {@code :zone}, {@code :year}. The
 * engine materialises two tables per request: {@code geo}, the units that stood under the unit
 * asked for at the end of the period (retired ones where their successor stood, with
 * {@code in_force} false), and {@code kids}, the child population of those units: children under 16
 * at the end of the period, not merged away, not moved away or dead before it began.
 */
final class IndicatorDefinitions {

    /** One side of an indicator: its entities and the disaggregations it can be broken down by. */
    record Source(String sql, boolean weighted, Map<String, String> dims, String kidsFilter) {

        Source(String sql, boolean weighted, Map<String, String> dims) {
            this(sql, weighted, dims, null);
        }

        Optional<String> dim(String code) {
            return Optional.ofNullable(dims.get(code));
        }

        /** Whether the disaggregation gives an entity several categories (a lateral join). */
        static boolean multiValued(String fragment) {
            return fragment.startsWith("cross join lateral");
        }
    }

    record Definition(Source numerator, Source denominator) {
    }

    /**
     * The child population of the units in {@code geo}, each child with the special-circumstance
     * groups and risk categories of their spans overlapping the period and the types of the
     * supports they received in it (read once here, not once per indicator). Of identifiers and
     * contacts it reads only whether the record holds one, or held one when the retention rule
     * anonymised it, so an anonymised child counts in past periods as before.
     */
    static final String KIDS = """
            select c.id, c.village_code, c.sex, c.ethnicity, c.personal_id is not null or c.had_personal_id,
                   c.health_insurance_card is not null or c.had_health_insurance_card,
                   cardinality(c.caregiver_phones) > 0 or c.had_caregiver_phone,
                   cast(extract(year from age(cast(:to as date), c.date_of_birth)) as int) as age,
                   coalesce(sc.codes, '{}'), coalesce(risk.codes, '{}'), coalesce(support.types, '{}')
            from child c join geo g on g.code = c.village_code
            left join (select ep.child_id, array_agg(distinct ep.code) as codes from child_episode ep
                       where ep.kind = 'CIRCUMSTANCE' and ep.start_date <= :to and (ep.end_date is null or ep.end_date >= :from)
                       group by ep.child_id) sc on sc.child_id = c.id
            left join (select ep.child_id, array_agg(distinct ep.code) as codes from child_episode ep
                       where ep.kind = 'RISK' and ep.start_date <= :to and (ep.end_date is null or ep.end_date >= :from)
                       group by ep.child_id) risk on risk.child_id = c.id
            left join (select i.child_id, array_agg(distinct i.type) as types from intervention i
                       where i.status in ('ONGOING', 'COMPLETED') and i.start_date <= :to and (i.end_date is null or i.end_date >= :from)
                       group by i.child_id) support on support.child_id = c.id
            where c.status <> 'MERGED' and c.date_of_birth <= :to and c.date_of_birth > cast(:to as date) - interval '16 years'
              and not (c.status in ('MOVED_AWAY', 'DECEASED') and c.status_date < :from)""";

    /** The columns of the {@code kids} table, in the order {@link #KIDS} fills them. */
    static final String KIDS_TABLE = """
            create temporary table kids (id uuid, village_code varchar(20), sex varchar(10), ethnicity varchar(20),
                has_personal_id boolean, has_health_insurance_card boolean, has_caregiver_phone boolean, age int,
                sc_groups text[], risk_categories text[], support_types text[]) on commit drop""";

    private static final String SUPPORTED = "i.status in ('ONGOING', 'COMPLETED') and i.start_date <= :to"
            + " and (i.end_date is null or i.end_date >= :from)";
    private static final String ABUSE_CASE = "cc.type = 'ABUSE' and cc.status <> 'CLOSED_UNSUBSTANTIATED'"
            + " and cc.received_at >= :fromTs and cc.received_at < :toTs";
    private static final String INJURY_CASE = "cc.type = 'INJURY'"
            + " and coalesce(cc.occurred_at, cc.received_at) >= :fromTs and coalesce(cc.occurred_at, cc.received_at) < :toTs";
    private static final String CHILD_COLUMNS = "k.id as entity, k.village_code as unit_code, 1 as weight, k.sex, k.ethnicity, k.age,"
            + " k.sc_groups, k.risk_categories, k.support_types";

    /** Single-valued disaggregations of children; {@code AGE_BAND} is filled in per indicator. */
    private static final Map<String, String> CHILD_DIMS = Map.of(
            "SEX", "e.sex",
            "AGE_BAND", "{AGE_BAND}",
            "ETHNICITY", "coalesce(e.ethnicity, 'UNKNOWN')");

    private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

    static {
        Source population = kids("true");

        define("child-population", population, null);
        define("children-special-circumstances",
                kids(episode("CIRCUMSTANCE"),
                        "SC_GROUP", episodeDim("CIRCUMSTANCE")),
                population);
        Source scChildren = kids(episode("CIRCUMSTANCE"),
                "SC_GROUP", episodeDim("CIRCUMSTANCE"));
        define("sc-children-supported",
                kids(episode("CIRCUMSTANCE") + " and " + supported(null),
                        "SC_GROUP", episodeDim("CIRCUMSTANCE"), "SUPPORT_TYPE", supportDim(null)),
                scChildren);
        define("children-at-risk",
                kids(episode("RISK"), "RISK_CATEGORY", episodeDim("RISK")),
                population);
        define("health-insurance-coverage",
                kids("(k.has_health_insurance_card or "
                        + supported("'HEALTH_INSURANCE_CARD'") + ")"),
                population);
        define("online-safety-skills", kids(supported("'ONLINE_SAFETY_SKILLS'")),
                population);
        String swimming = "'SWIMMING_LESSONS', 'SAFETY_SKILLS'";
        define("swimming-safety-taught",
                kids("k.age >= 6 and " + supported(swimming),
                        "SUPPORT_TYPE", supportDim(swimming)),
                kids("k.age >= 6"));
        String participation = "'PARTICIPATION_CLUB', 'CHILDRENS_FORUM'";
        define("children-consulted",
                kids("k.age >= 7 and " + supported(participation),
                        "SUPPORT_TYPE", supportDim(participation)),
                kids("k.age >= 7"));
        String alternativeCare = "'ALTERNATIVE_CARE_KINSHIP', 'ALTERNATIVE_CARE_FOSTER', 'ALTERNATIVE_CARE_FACILITY'";
        define("children-alternative-care",
                kids(supported(alternativeCare),
                        "SUPPORT_TYPE", supportDim(alternativeCare)),
                null);
        define("records-with-personal-id",
                kids("k.has_personal_id"), population);
        define("records-with-caregiver-contact",
                kids("k.has_caregiver_phone"), population);
        Source born = children("""
                select c.id as entity, c.village_code as unit_code, 1 as weight, c.sex, c.ethnicity, 0 as age
                from child c join geo gg on gg.code = c.village_code where c.status <> 'MERGED' and c.date_of_birth between :from and :to""");
        define("birth-registered-on-time", children("""
                select c.id as entity, c.village_code as unit_code, 1 as weight, c.sex, c.ethnicity, 0 as age
                from child c join geo gg on gg.code = c.village_code where c.status <> 'MERGED' and c.date_of_birth between :from and :to
                  and c.birth_registered_on is not null and c.birth_registered_on <= c.date_of_birth + 60"""), born);

        // Children with an event in the period, aged as they were then.
        Source abused = childEvents(ABUSE_CASE, "cc.received_at",
                "ABUSE_FORM", "cross join lateral (select distinct f.form as dim from child_case cc,"
                        + " jsonb_array_elements_text(cc.abuse_forms) f(form) where cc.child_id = e.entity and " + ABUSE_CASE + ") d",
                "SETTING", "cross join lateral (select distinct coalesce(cc.setting, 'UNKNOWN') as dim from child_case cc"
                        + " where cc.child_id = e.entity and " + ABUSE_CASE + ") d");
        define("abused-children", abused, null);
        define("abused-children-supported", new Source("select * from (" + abused.sql() + ") s where exists (select 1 from intervention i"
                + " where i.child_id = s.entity and " + SUPPORTED + ")", false, abused.dims()), abused);
        Source injured = childEvents(INJURY_CASE, "coalesce(cc.occurred_at, cc.received_at)",
                "INJURY_MECHANISM", "cross join lateral (select distinct cc.injury_mechanism as dim from child_case cc"
                        + " where cc.child_id = e.entity and " + INJURY_CASE + ") d");
        define("children-injured", injured, population);
        define("children-drowned", childEvents(INJURY_CASE + " and cc.injury_mechanism = 'DROWNING'",
                "coalesce(cc.occurred_at, cc.received_at)",
                "FATALITY", "cross join lateral (select case when bool_or(cc.injury_outcome = 'DEATH') then 'FATAL' else 'NON_FATAL' end"
                        + " as dim from child_case cc where cc.child_id = e.entity and " + INJURY_CASE
                        + " and cc.injury_mechanism = 'DROWNING') d"), null);
        define("injury-deaths", childEvents(INJURY_CASE + " and cc.injury_outcome = 'DEATH'", "coalesce(cc.occurred_at, cc.received_at)",
                "INJURY_MECHANISM", "cross join lateral (select distinct cc.injury_mechanism as dim from child_case cc"
                        + " where cc.child_id = e.entity and " + INJURY_CASE + " and cc.injury_outcome = 'DEATH') d"), null);

        // Cases.
        define("abuse-cases", new Source("""
                select cc.id as entity, c.village_code as unit_code, 1 as weight, coalesce(cc.setting, 'UNKNOWN') as setting,
                       coalesce(cc.handling_outcome, 'NONE') as handling_outcome
                from child_case cc join child c on c.id = cc.child_id join geo gg on gg.code = c.village_code where\s""" + ABUSE_CASE, false, Map.of(
                "ABUSE_FORM", "cross join lateral (select distinct f.form as dim from child_case cc,"
                        + " jsonb_array_elements_text(cc.abuse_forms) f(form) where cc.id = e.entity) d",
                "SETTING", "e.setting",
                "HANDLING_OUTCOME", "e.handling_outcome")), null);
        String approved = """
                select cc.id as entity, c.village_code as unit_code, 1 as weight
                from child_case cc join child c on c.id = cc.child_id join geo gg on gg.code = c.village_code
                where cc.type = 'ABUSE' and cc.approved_plan_version is not null
                  and cc.plan_decided_at >= :fromTs and cc.plan_decided_at < :toTs""";
        define("abuse-plans-on-time", new Source(approved + " " + """
                 and not exists (select 1 from case_deadline dl where dl.case_id = cc.id
                                 and dl.step in ('PLAN_DRAFTED', 'PLAN_APPROVAL') and (dl.met_at is null or dl.met_at > dl.due_at))""",
                false, Map.of()), new Source(approved, false, Map.of()));

        // Prevention.
        String sites = "select s.id as entity, s.village_code as unit_code, 1 as weight, s.kind from hazard_site s where s.surveyed_on <= :to";
        Map<String, String> siteDims = Map.of("HAZARD_KIND", "e.kind");
        define("hazard-sites-mitigated", new Source(sites + " " + """
                 and exists (select 1 from hazard_measure_event m where m.site_id = s.id and m.on_date <= :to)
                 and not exists (select 1 from (select distinct on (m.measure) m.status from hazard_measure_event m
                                                where m.site_id = s.id and m.on_date <= :to
                                                order by m.measure, m.on_date desc, m.recorded_at desc) st
                                 where st.status <> 'INSTALLED')""", false, siteDims), new Source(sites, false, siteDims));
        // Households with children as the register holds them now; safe for the year the period ends in.
        String homes = "select h.id as entity, h.village_code as unit_code, 1 as weight from household h"
                + " where exists (select 1 from household_member m where m.household_id = h.id)";
        define("safe-homes", new Source(homes + " and exists (select 1 from safe_home_result(:zone) r"
                + " where r.household_id = h.id and r.year = :year and r.safe)", false, Map.of()), new Source(homes, false, Map.of()));
        String activities = "from awareness_activity a where a.held_on between :from and :to";
        Map<String, String> topic = Map.of("TOPIC", "cross join lateral (select distinct t.topic as dim from awareness_activity a,"
                + " unnest(a.topics) t(topic) where a.id = e.entity) d");
        Map<String, String> activityDims = new LinkedHashMap<>(topic);
        activityDims.put("CHANNEL", "e.channel");
        define("awareness-sessions", new Source("select a.id as entity, a.unit_code, 1 as weight, a.channel " + activities,
                true, activityDims), null);
        define("awareness-reach", new Source("select a.id as entity, a.unit_code, a.adults_reached + a.girls_reached + a.boys_reached"
                + " as weight " + activities, true, topic), null);

        // Unit facts: the units of a level in force under the unit asked for at the end of the period.
        define("villages-with-child-facilities", facts("VILLAGE", "cultural_sports_facility"), units("VILLAGE"));
        define("communes-with-play-area", facts("COMMUNE", "play_area"), units("COMMUNE"));
        define("child-friendly-communes", facts("COMMUNE", "child_friendly"), units("COMMUNE"));
    }

    private IndicatorDefinitions() {
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

    private static void define(String key, Source numerator, Source denominator) {
        DEFINITIONS.put(key, new Definition(numerator, denominator));
    }

    /**
     * Children of the population who meet {@code filter} (SQL over {@code k}), with the common
     * child disaggregations and {@code more}. The engine counts every such side of a run in one
     * pass over the population.
     */
    private static Source kids(String filter, String... more) {
        Source source = children("select " + CHILD_COLUMNS + " from kids k where " + filter, more);
        return new Source(source.sql(), false, source.dims(), filter);
    }

    /** Children with the common child disaggregations and {@code more} (code, fragment, ...). */
    private static Source children(String sql, String... more) {
        Map<String, String> dims = new LinkedHashMap<>(CHILD_DIMS);
        for (int i = 0; i < more.length; i += 2) {
            dims.put(more[i], more[i + 1]);
        }
        return new Source(sql, false, dims);
    }

    /** Children under 16 at their first qualifying case of the period, aged as they were then. */
    private static Source childEvents(String caseCondition, String eventTime, String... more) {
        return children("""
                select c.id as entity, c.village_code as unit_code, 1 as weight, c.sex, c.ethnicity,
                       cast(min(extract(year from age(cast(%2$s at time zone :zone as date), c.date_of_birth))) as int) as age
                from child c join geo gg on gg.code = c.village_code join child_case cc on cc.child_id = c.id
                where c.status <> 'MERGED' and %1$s
                group by c.id, c.village_code, c.sex, c.ethnicity
                having min(extract(year from age(cast(%2$s at time zone :zone as date), c.date_of_birth))) < 16"""
                .formatted(caseCondition, eventTime), more);
    }

    /** A child of {@code kids} with a span of {@code kind} overlapping the period. */
    private static String episode(String kind) {
        return "cardinality(k." + episodeColumn(kind) + ") > 0";
    }

    private static String episodeDim(String kind) {
        return "cross join lateral (select unnest(e." + episodeColumn(kind) + ") as dim) d";
    }

    private static String episodeColumn(String kind) {
        return kind.equals("CIRCUMSTANCE") ? "sc_groups" : "risk_categories";
    }

    /** A child of {@code kids} who received a support in the period, of one of {@code types} (any type when null). */
    private static String supported(String types) {
        return types == null ? "cardinality(k.support_types) > 0" : "k.support_types && cast(array[" + types + "] as text[])";
    }

    private static String supportDim(String types) {
        return "cross join lateral (select t as dim from unnest(e.support_types) t"
                + (types == null ? "" : " where t in (" + types + ")") + ") d";
    }

    private static Source units(String level) {
        return new Source(inForce(level), false, Map.of());
    }

    private static Source facts(String level, String column) {
        return new Source(inForce(level) + " and exists (select 1 from unit_fact f where f.unit_code = g.code and f.year = :year and f."
                + column + ")", false, Map.of());
    }

    /** The units of {@code level} in {@code geo} that were in force (a retired unit standing with its successor is not one). */
    private static String inForce(String level) {
        return "select g.code as entity, g.code as unit_code, 1 as weight from geo g where g.in_force and g.level = '" + level + "'";
    }
}
