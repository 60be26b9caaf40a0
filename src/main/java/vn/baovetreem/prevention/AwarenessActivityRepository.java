package vn.baovetreem.prevention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.persistence.NativeValues;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.prevention.AwarenessActivityService.ActivityView;
import vn.baovetreem.prevention.AwarenessActivityService.ListQuery;
import vn.baovetreem.prevention.AwarenessActivityService.NewActivity;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Awareness activities as stored in {@code awareness_activity}: the only place that speaks SQL
 * for them ({@code AwarenessActivityRepositoryTest}).
 */
@ApplicationScoped
class AwarenessActivityRepository {

    private static final String COLUMNS = """
            id, unit_code, held_on, channel, array_to_string(topics, ',') as topics, title, organiser, adults_reached,
            girls_reached, boys_reached, note, created_by""";

    private final EntityManager em;

    AwarenessActivityRepository(EntityManager em) {
        this.em = em;
    }

    /** Writes {@code activity} as given (texts cleaned, topics without repeats), held in the unit at {@code unitPath}. */
    void insert(UUID id, NewActivity activity, String unitPath, Instant at, String by) {
        em.createNativeQuery("""
                        insert into awareness_activity (id, unit_code, unit_path, held_on, channel, topics, title, organiser,
                                                        adults_reached, girls_reached, boys_reached, note, created_at, created_by)
                        values (?1, ?2, cast(?3 as ltree), ?4, ?5, cast(?6 as text[]), ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                .setParameter(1, id).setParameter(2, activity.unitCode()).setParameter(3, unitPath)
                .setParameter(4, activity.heldOn()).setParameter(5, activity.channel())
                .setParameter(6, NativeValues.array(activity.topics())).setParameter(7, activity.title())
                .setParameter(8, activity.organiser()).setParameter(9, orZero(activity.adultsReached()))
                .setParameter(10, orZero(activity.girlsReached())).setParameter(11, orZero(activity.boysReached()))
                .setParameter(12, activity.note()).setParameter(13, at.atOffset(ZoneOffset.UTC)).setParameter(14, by)
                .executeUpdate();
    }

    Optional<ActivityView> find(UUID id) {
        return views(Row.all(em.createNativeQuery("select " + COLUMNS + " from awareness_activity where id = :id", Tuple.class)
                .setParameter("id", id))).stream().findFirst();
    }

    /** Up to {@code limit} activities in {@code scope} (and {@code unit}) matching {@code q}, latest first, after a key when given. */
    List<ActivityView> page(Scope scope, Scope unit, ListQuery q, LocalDate afterDate, UUID afterId, int limit) {
        ScopedQuery query = new ScopedQuery("select " + COLUMNS + " from awareness_activity a", scope, "a.unit_path")
                .under(unit)
                .where("a.held_on >= :from", "from", q.from())
                .where("a.held_on <= :to", "to", q.to())
                .equal("a.channel", "channel", q.channel())
                .where("a.topics @> cast(:topic as text[])", "topic", q.topic() == null ? null : NativeValues.array(List.of(q.topic())));
        if (afterDate != null) {
            query.append(" and (a.held_on, a.id) < (:afterDate, :afterId)", Map.of("afterDate", afterDate, "afterId", afterId));
        }
        query.append(" order by a.held_on desc, a.id desc", Map.of());
        return views(query.rows(em, limit));
    }

    /** The activities held for any of {@code unitCodes} between two days, both included, earliest first (at most {@code limit}). */
    List<ActivityView> heldFor(Collection<String> unitCodes, LocalDate from, LocalDate to, int limit) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return views(Row.all(em.createNativeQuery("select " + COLUMNS + " from awareness_activity"
                        + " where unit_code in (:units) and held_on between :from and :to order by held_on, id limit :limit", Tuple.class)
                .setParameter("units", unitCodes).setParameter("from", from).setParameter("to", to).setParameter("limit", limit)));
    }

    private static List<ActivityView> views(List<Row> rows) {
        return rows.stream().map(r -> {
            int girls = r.integer("girls_reached");
            int boys = r.integer("boys_reached");
            return new ActivityView(r.uuid("id"), r.text("unit_code"), r.date("held_on"), r.text("channel"),
                    Arrays.asList(r.text("topics").split(",")), r.text("title"), r.text("organiser"), r.integer("adults_reached"),
                    girls, boys, girls + boys, r.text("note"), r.text("created_by"));
        }).toList();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
