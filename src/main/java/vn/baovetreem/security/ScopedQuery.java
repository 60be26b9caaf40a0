package vn.baovetreem.security;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.persistence.NativeValues;
import vn.baovetreem.common.persistence.Row;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A native list query that starts inside the caller's scope: the rows whose materialized path lies
 * under one of the scope's subtrees. Filters are added only when their value is present, each with
 * a named parameter, so user input never becomes SQL text.
 */
public final class ScopedQuery {

    /** The name of the unit filter's parameters. */
    public static final String UNIT = "unitPaths";

    /** The select, up to where its conditions begin. */
    private final String select;
    /** What follows the scope's and the unit filter's conditions: other conditions, an order, a keyset. */
    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final String pathColumn;
    private final String otherPathColumn;
    private Scope scope;
    private Scope unit;
    /** Whether the planner is to count the scope's and the unit filter's conditions as half the rows ({@link #within}, {@link #withinEach}). */
    private boolean halfCounted;
    /** The area's key where the page is read in order from the area's index ({@link #areaKey}), else null. */
    private String areaKey;

    /**
     * @param select     {@code select ... from table alias}, without a where clause
     * @param pathColumn the row's {@code ltree} path column, such as {@code c.unit_path}
     */
    public ScopedQuery(String select, Scope scope, String pathColumn) {
        this(select, scope, pathColumn, null);
    }

    /**
     * Like {@link #ScopedQuery(String, Scope, String)}, but a row is also in scope when its
     * nullable {@code otherPathColumn} is (such as the commune a case is being transferred to).
     */
    public ScopedQuery(String select, Scope scope, String pathColumn, String otherPathColumn) {
        this.select = select;
        this.pathColumn = pathColumn;
        this.otherPathColumn = otherPathColumn;
        if (!scope.all()) {
            params.putAll(scope.parameters());
            this.scope = scope;
        }
    }

    /**
     * A query without a scope's condition yet, for one that {@link #withinByKey} adds later (after
     * conditions of a subquery, say); not for {@link #under}.
     */
    public static ScopedQuery unscoped(String select) {
        return new ScopedQuery(select, Scope.everything(), null);
    }

    /**
     * Keeps the rows in {@code scope} by {@code pathKey}, the row's path as text compared byte by
     * byte ({@link Scope#keySql}), for a table whose btree index on that key finds each subtree as a
     * range, and whose planner estimates the rows of each range from the key's statistics; no-op
     * for {@link Scope#everything()}.
     *
     * <p>The scope's {@code @>} is checked too, first: where the planner walks another index (the
     * newest rows first, say), it rejects a row out of scope in one comparison where the key's
     * conditions take two or three per subtree, each turning the path into text (a commune of four
     * subtrees read through 20 million events: 3.1 s against 6.2 s). It is wrapped in a
     * {@code case} so that the planner counts it as half the rows rather than the thousandth it
     * assumes for {@code @>}, which, multiplied into the ranges' estimate, made it read a village's
     * 76,000 events by range and sort them (1 s against 49 ms; docs/performance.md). The array is
     * made once, in a subquery ({@link Scope#sql}): cast from the parameter's text in the row's
     * condition, it was made again for every row (12.3 s against 3.0 s).
     */
    public ScopedQuery withinByKey(Scope scope, String pathColumn, String pathKey) {
        if (scope.all()) {
            return this;
        }
        return append(" and " + countedAsHalf(scope.sql(pathColumn, "scopeCheck")), scope.parameters("scopeCheck"))
                .append(" and " + scope.keySql(pathKey), scope.keyParameters());
    }

    /**
     * Keeps the rows in {@code unit}, the subtrees of a list's unit filter; no-op when null. Where
     * the filter and the scope share no subtree, no row can pass both, and the query is told so
     * ({@link #meeting}) rather than left to read the filter's rows and reject each (a commune
     * officer's list of another province's commune read its 101,608 children to answer none).
     */
    public ScopedQuery under(Scope unit) {
        if (unit == null) {
            return this;
        }
        if (pathColumn == null) {
            throw new IllegalStateException("An unscoped query names no path column");
        }
        params.putAll(unit.parameters(UNIT));
        this.unit = unit;
        return meeting(unit);
    }

    /**
     * Answers nothing where the rows a filter keeps, which all lie under {@code subtrees} (those of
     * a village, for a filter by its code: a record lies under a path its village had), can lie
     * nowhere (no subtree), or neither in the scope nor under the unit filter; no-op when null.
     * Left to the planner, such a filter may send it through every row of the area in name order to
     * find none (a district supervisor naming a village of another province that holds 100,000
     * children: 0.3 s). Call it after {@link #under}.
     */
    public ScopedQuery meeting(Scope subtrees) {
        if (subtrees != null && (!subtrees.all() && subtrees.paths().isEmpty()
                || scope != null && otherPathColumn == null && !scope.overlaps(subtrees)
                || unit != null && !unit.overlaps(subtrees))) {
            where("false");
        }
        return this;
    }

    /**
     * The units that hold a list's area (the unit filter's subtrees, else the scope's) at the
     * deepest level of the tree that holds it whole, the commune's (2) or else the province's (1),
     * for a table indexed on {@code subpath(path, 0, level)}, which finds a commune's or a
     * province's rows where no index serves the scope's {@code @>} (a commune's first page of
     * children read every child of the table; docs/performance.md, "A commune's rows from its own
     * index"). An area takes in several units when a unit's history does (a commune that also
     * keeps its old path under the district it left).
     */
    public record IndexedArea(int level, List<String> units) {

        /** The area of a list in {@code scope} filtered by {@code unit} (null for none); null when it is the whole tree. */
        public static IndexedArea of(Scope scope, Scope unit) {
            for (int level = 2; level >= 1; level--) {
                List<String> units = unit != null ? unit.unitsAtLevel(level) : null;
                if (units == null) {
                    units = scope.unitsAtLevel(level);
                }
                if (units != null) {
                    return new IndexedArea(level, units);
                }
            }
            return null;
        }

        private String key(String pathColumn) {
            return "subpath(" + pathColumn + ", 0, " + level + ")";
        }
    }

    /**
     * Keeps the rows under {@code area}'s units: a condition the scope and the filter already
     * imply, which the area's index serves. One unit is compared with {@code =}, or, for a page by
     * name, which the index gives in order as it goes on with the name, as a range of one value led
     * by {@link #areaKey}; several with {@code = any} (for a page by name, see {@link #withinEach}).
     * Planned generically, the array is not counted as narrow: call it in a transaction with
     * {@code CustomPlans}.
     *
     * @param inIndexOrder whether the page is sorted as the area's index goes on (by name): for one
     *                     unit, the scope's and the unit filter's {@code @>} are then counted as half
     *                     the rows (wrapped in a {@code case}) rather than a hundredth, so that the planner
     *                     reads the page in order from the unit's range rather than the range whole and
     *                     sorted (a commune of 101,608 children: 0.2 ms against 90 ms). Not for other
     *                     sorts, whose indexes hold every unit: counted as half, the scope sent the
     *                     planner walking them, past the rows of other units (75 ms against 3.8 ms).
     */
    public ScopedQuery within(IndexedArea area, boolean inIndexOrder) {
        String key = area.key(pathColumn);
        if (area.units().size() == 1) {
            if (!inIndexOrder) {
                return where(key + " = cast(:area as ltree)", "area", area.units().getFirst());
            }
            areaKey = key;
            return inIndexOrder().where(key + " >= cast(:area as ltree) and " + key + " <= cast(:area as ltree)", "area",
                    area.units().getFirst());
        }
        return where(key + " = any(cast(:area as ltree[]))", "area", NativeValues.array(area.units()));
    }

    /**
     * Keeps the rows under {@code unitColumn}, one of {@code area}'s several units, which the select
     * takes in turn from {@code unnest(cast(:area as ltree[]))}, for a page by name read unit by
     * unit, each unit's page in order from its range as {@link #within} reads one unit's, and the
     * pages merged: asked for with {@code = any}, the units were read whole and sorted (a commune
     * with its old path as a second unit: 93 ms against 0.7 ms). A statement whose rows come from
     * such a join is not run in parallel, so where a filter leaves few rows and the planner reads
     * every row of the units, it reads them alone: that is why one unit goes by {@link #within}.
     */
    public ScopedQuery withinEach(IndexedArea area, String unitColumn) {
        return inIndexOrder().bind("area", NativeValues.array(area.units())).where(area.key(pathColumn) + " = " + unitColumn);
    }

    /**
     * The area's key ({@code subpath(path, 0, level)}) where {@link #within} reads the page of one
     * unit in order from the area's index, else null: the same for every row read, it is to lead
     * the page's order, so that only the area's index gives that order. Led by the name alone, the
     * order was also the global name index's, which the planner took where the area's rows looked
     * scattered in the table and others' gathered, and walked past those others (a province's first
     * page behind 100,000 children of another: 159 ms against 5.6 ms in {@code psql}). For the same
     * reason the unit is stated as a range of one value, not with {@code =}, which would make the key
     * a constant, and the order by it nothing. ({@link #withinEach} keeps {@code =}: against a unit
     * taken from the array, a range is counted as a two-hundredth of the rows, and the planner read
     * each unit's rows whole and sorted them where it had walked them in order (Yên Phúc's children
     * with a span group: 620 ms against 4.8 ms in {@code psql}).)
     */
    public String areaKey() {
        return areaKey;
    }

    /**
     * Counts the scope's and the unit filter's {@code @>} as half the rows, as {@link #within} does
     * for one unit by name, for a page read in order from an index whose range another condition
     * bounds (a village's children by name): counted as a hundredth each, they made the planner
     * expect too few rows in the range to fill a page, and read it whole and sort it.
     */
    public ScopedQuery inIndexOrder() {
        halfCounted = true;
        return this;
    }

    /** {@code column = :name}; no-op when {@code value} is null. */
    public ScopedQuery equal(String column, String name, Object value) {
        return value == null ? this : where(column + " = :" + name, name, value);
    }

    /** A condition using one named parameter; no-op when {@code value} is null. */
    public ScopedQuery where(String condition, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** A condition without parameters. */
    public ScopedQuery where(String condition) {
        sql.append(" and ").append(condition);
        return this;
    }

    /** A parameter that the select given to the constructor names. */
    public ScopedQuery bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Raw SQL (an order by, a keyset condition) and the parameters it names. */
    public ScopedQuery append(String text, Map<String, Object> parameters) {
        sql.append(text);
        params.putAll(parameters);
        return this;
    }

    /** {@code text} with the LIKE wildcards escaped (for {@code like ... escape '\'}). */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The query, its parameters bound, with {@code limit}. */
    public Query build(EntityManager em, int limit) {
        return bound(em.createNativeQuery(text() + " limit :limit"), limit);
    }

    /** At most {@code limit} rows of the query, read by column name. */
    public List<Row> rows(EntityManager em, int limit) {
        return Row.all(bound(em.createNativeQuery(text() + " limit :limit", Tuple.class), limit));
    }

    /** The select, the scope's and the unit filter's conditions, then the rest. */
    private String text() {
        StringBuilder text = new StringBuilder(select).append(" where true");
        if (scope != null) {
            text.append(" and ").append(counted(otherPathColumn == null ? scope.sql(pathColumn)
                    : scope.sql(pathColumn) + " or " + scope.sql(otherPathColumn)));
        }
        if (unit != null) {
            text.append(" and ").append(counted(unit.sql(pathColumn, UNIT)));
        }
        return text.append(sql).toString();
    }

    private String counted(String condition) {
        return halfCounted ? countedAsHalf(condition) : "(" + condition + ")";
    }

    /**
     * {@code condition} wrapped in a {@code case}, which the planner counts as half the rows (it
     * counts {@code @>} on an array it has not computed as a hundredth).
     */
    private static String countedAsHalf(String condition) {
        return "case when " + condition + " then true else false end";
    }

    private Query bound(Query query, int limit) {
        params.forEach(query::setParameter);
        return query.setParameter("limit", limit);
    }
}
