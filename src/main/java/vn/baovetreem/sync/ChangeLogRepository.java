package vn.baovetreem.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import vn.baovetreem.children.NameSearch;
import vn.baovetreem.common.persistence.NativeValues;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The change log (changelog 032, ADR 0018): the rows its triggers wrote, read in the order of
 * {@link Position}, the records of a seed, and the pruning of old rows. The only SQL of the feed.
 */
@ApplicationScoped
public class ChangeLogRepository {

    /** One row of {@code change_log}. */
    record Change(Position position, SyncedType type, UUID recordId, String change, UUID childId, Instant occurredAt) {
    }

    /** A record a seed sends: its id and, for a span, a case or a support, its child. */
    record Seeded(UUID id, UUID childId) {
    }

    private static final String UNDER_UNITS = "child_search_words(c.search_name, c.unit_path) @@ cast(:units as tsquery)";

    private final EntityManager em;

    ChangeLogRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The point every reader may go up to now: the oldest transaction still running. Every change
     * before it is committed (or was rolled back), so no row can appear there later.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Position horizon() {
        Object xmin = em.createNativeQuery("select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)").getSingleResult();
        return Position.before(Long.parseLong((String) xmin));
    }

    /** The newest position pruned, or null when nothing has been. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Position pruned() {
        List<Row> rows = Row.all(em.createNativeQuery(
                "select cast(tx as text) as tx, seq from change_log_horizon", Tuple.class));
        return rows.isEmpty() ? null : new Position(Long.parseLong(rows.getFirst().text("tx")), rows.getFirst().bigint("seq"));
    }

    /**
     * At most {@code limit} changes after {@code after} and before {@code horizon}, of
     * {@code types}, to records that were or are in {@code scope} (and in {@code unit} when not null).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Change> after(Position after, Position horizon, Set<SyncedType> types, Scope scope, Scope unit, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("true");
        if (!scope.all()) {
            where.append(" and ").append(scope.sql("p"));
            params.putAll(scope.parameters());
        }
        if (unit != null) {
            where.append(" and ").append(unit.sql("p", ScopedQuery.UNIT));
            params.putAll(unit.parameters(ScopedQuery.UNIT));
        }
        Query query = em.createNativeQuery("""
                select cast(c.tx as text) as tx, c.seq, c.record_type, c.record_id, c.change, c.child_id, c.occurred_at
                from change_log c
                where (c.tx, c.seq) > (cast(:afterTx as xid8), :afterSeq) and c.tx < cast(:horizon as xid8)
                  and c.record_type = any(cast(:types as text[]))
                  and exists (select 1 from unnest(c.paths) p where %s)
                order by c.tx, c.seq
                limit :limit""".formatted(where), Tuple.class)
                .setParameter("afterTx", Long.toString(after.tx()))
                .setParameter("afterSeq", after.seq())
                .setParameter("horizon", Long.toString(horizon.tx()))
                .setParameter("types", NativeValues.array(types.stream().map(SyncedType::wireName).toList()))
                .setParameter("limit", limit);
        params.forEach(query::setParameter);
        return Row.all(query).stream().map(r -> new Change(new Position(Long.parseLong(r.text("tx")), r.bigint("seq")),
                SyncedType.of(r.text("record_type")).orElseThrow(), r.uuid("record_id"), r.text("change"), r.uuid("child_id"),
                r.instant("occurred_at"))).toList();
    }

    /** The child each of {@code spans} belongs to now (a merge moves spans to the record kept). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, UUID> childrenOfSpans(Collection<UUID> spans) {
        if (spans.isEmpty()) {
            return Map.of();
        }
        return Row.all(em.createNativeQuery("select id, child_id from child_episode where id = any(cast(:ids as uuid[]))", Tuple.class)
                        .setParameter("ids", NativeValues.array(spans.stream().map(UUID::toString).toList())))
                .stream().collect(Collectors.toMap(r -> r.uuid("id"), r -> r.uuid("child_id")));
    }

    /** Those of {@code ids} (records of {@code type}) that lie within {@code unit} now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> within(SyncedType type, Collection<UUID> ids, Scope unit) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        String select = switch (type) {
            case CIRCUMSTANCE, RISK -> "select r.id from child_episode r join child c on c.id = r.child_id where "
                    + unit.sql("c.unit_path", ScopedQuery.UNIT);
            case CASE -> "select r.id from child_case r where (" + unit.sql("r.unit_path", ScopedQuery.UNIT)
                    + " or (r.transfer_to_path is not null and " + unit.sql("r.transfer_to_path", ScopedQuery.UNIT) + "))";
            default -> "select r.id from " + table(type) + " r where " + unit.sql("r.unit_path", ScopedQuery.UNIT);
        };
        Query query = em.createNativeQuery(select + " and r.id = any(cast(:ids as uuid[]))", Tuple.class)
                .setParameter("ids", NativeValues.array(ids.stream().map(UUID::toString).toList()));
        unit.parameters(ScopedQuery.UNIT).forEach(query::setParameter);
        return Row.all(query).stream().map(r -> r.uuid("id")).collect(Collectors.toSet());
    }

    /** True when the record still exists, wherever it is. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(SyncedType type, UUID id) {
        return !em.createNativeQuery("select 1 from " + table(type) + " where id = :id").setParameter("id", id)
                .getResultList().isEmpty();
    }

    /**
     * The next {@code limit} records of {@code type} after {@code after} (by id) that a seed sends:
     * the active children in scope, their open spans, the open cases and supports, every hazard
     * site and household.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Seeded> seed(SyncedType type, Scope scope, Scope unit, UUID after, int limit) {
        // Children are found through the index of their units' codes (NameSearch): walking the
        // primary key in id order to fill a village's page read the whole province (0.8 s a page).
        String units = NameSearch.query(List.of(), scope, unit);
        ScopedQuery query = switch (type) {
            case CHILD -> new ScopedQuery("select c.id, null as child_id from child c", scope, "c.unit_path")
                    .where("c.status = 'ACTIVE'")
                    .where(UNDER_UNITS, "units", units.isEmpty() ? null : units);
            case CIRCUMSTANCE, RISK -> new ScopedQuery(
                    "select r.id, r.child_id from child_episode r join child c on c.id = r.child_id", scope, "c.unit_path")
                    .where("c.status = 'ACTIVE' and r.end_date is null")
                    .where(UNDER_UNITS, "units", units.isEmpty() ? null : units)
                    .equal("r.kind", "kind", type == SyncedType.RISK ? "RISK" : "CIRCUMSTANCE");
            case CASE -> new ScopedQuery("select r.id, r.child_id from child_case r", scope, "r.unit_path", "r.transfer_to_path")
                    .where("r.status not like 'CLOSED%'");
            case SUPPORT -> new ScopedQuery("select r.id, r.child_id from intervention r", scope, "r.unit_path")
                    .where("r.status in ('PLANNED', 'ONGOING')");
            case HAZARD_SITE -> new ScopedQuery("select r.id, null as child_id from hazard_site r", scope, "r.unit_path");
            case HOUSEHOLD -> new ScopedQuery("select r.id, null as child_id from household r", scope, "r.unit_path");
        };
        String id = type == SyncedType.CHILD ? "c.id" : "r.id";
        return query.under(unit).where(id + " > :after", "after", after).append(" order by " + id, Map.of())
                .rows(em, limit).stream().map(r -> new Seeded(r.uuid("id"), r.uuid("child_id"))).toList();
    }

    /**
     * Deletes the changes older than {@code cutoff} whose transactions have ended, and records the
     * newest position deleted: tokens before it can no longer continue.
     *
     * @return the number of rows deleted
     */
    @Transactional
    public int prune(Instant cutoff) {
        Object newest = em.createNativeQuery("""
                        select cast(tx as text) || '.' || seq from change_log
                        where occurred_at < :cutoff and tx < pg_snapshot_xmin(pg_current_snapshot())
                        order by tx desc, seq desc limit 1""")
                .setParameter("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .getResultStream().findFirst().orElse(null);
        if (newest == null) {
            return 0;
        }
        Position upTo = Position.parse((String) newest);
        em.createNativeQuery("""
                        insert into change_log_horizon (tx, seq, pruned_at) values (cast(:tx as xid8), :seq, now())
                        on conflict (singleton) do update set tx = excluded.tx, seq = excluded.seq, pruned_at = excluded.pruned_at""")
                .setParameter("tx", Long.toString(upTo.tx())).setParameter("seq", upTo.seq()).executeUpdate();
        return em.createNativeQuery("delete from change_log where (tx, seq) <= (cast(:tx as xid8), :seq)")
                .setParameter("tx", Long.toString(upTo.tx())).setParameter("seq", upTo.seq()).executeUpdate();
    }

    private static String table(SyncedType type) {
        return switch (type) {
            case CHILD -> "child";
            case CIRCUMSTANCE, RISK -> "child_episode";
            case CASE -> "child_case";
            case SUPPORT -> "intervention";
            case HAZARD_SITE -> "hazard_site";
            case HOUSEHOLD -> "household";
        };
    }
}
