package vn.baovetreem.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.http.RequestIds;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.persistence.Copy;
import vn.baovetreem.common.persistence.JdbcRows;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.common.persistence.TimeOrderedIds;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The repository of {@code audit_event}, the only class that reads or writes it. Writes audit
 * events inside the transaction of the change they describe, so a change and its audit record are
 * committed together or not at all; reads the trail in a scope, a record's accesses and an
 * allowance spent in steps; erases states for the retention rule. Reads of personal data are
 * recorded by {@link #recordRead}, which hands them to {@link ReadTrail} to be written in batches.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String[] COLUMNS = {"id", "occurred_at", "actor", "actor_subject", "client_id", "action", "record_type",
            "record_id", "unit_path", "before_state", "after_state", "request_id"};
    /** One event: the values of {@link #COLUMNS}, the path and the states cast to their types. */
    private static final String INSERT = "insert into audit_event (" + String.join(", ", COLUMNS)
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as ltree), cast(? as jsonb), cast(? as jsonb), ?)";
    private static final String INSERT_IF_ABSENT = INSERT + " on conflict (id) do nothing";
    /**
     * The event's unit path as text compared byte by byte: the first expression of the btree index
     * by which the list finds a scope's events (changelog 042, {@link Scope#keySql}).
     */
    static final String UNIT_KEY = "(ltree2text(unit_path) collate \"C\")";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final CurrentUser currentUser;
    private final RequestIds.Current requestId;
    private final Clock clock;
    private final ReadTrail reads;

    AuditTrail(EntityManager em, ObjectMapper mapper, CurrentUser currentUser, RequestIds.Current requestId, Clock clock,
               ReadTrail reads) {
        this.em = em;
        this.mapper = mapper;
        this.currentUser = currentUser;
        this.requestId = requestId;
        this.clock = clock;
        this.reads = reads;
    }

    /** One row of {@code audit_event}; the states are JSON text. */
    record Event(UUID id, Instant occurredAt, String actor, String subject, String clientId, String action, String recordType,
                 String recordId, String unitPath, String before, String after, String requestId) {

        /** The values of {@link #COLUMNS}, in their order. */
        Object[] values() {
            return new Object[] {id, occurredAt.atOffset(ZoneOffset.UTC), actor, subject, clientId, action, recordType, recordId, unitPath,
                    before, after, requestId};
        }
    }

    /**
     * Writes {@code events} in the caller's transaction: one with a prepared {@code INSERT} (a
     * round trip; a {@code COPY} takes two, and the server parses its command each time), more
     * with one {@code COPY}. The events touch no table of the records they describe: neither
     * flushes those first.
     */
    static void write(EntityManager em, Collection<Event> events) {
        if (events.size() == 1) {
            JdbcRows.update(em, INSERT, events.iterator().next().values());
            return;
        }
        Copy rows = Copy.into("audit_event", COLUMNS);
        events.forEach(e -> rows.row(e.values()));
        rows.send(em);
    }

    /**
     * Writes those of {@code events} that are not there yet, in the caller's transaction: a batch
     * tried again after a failure may have been written by the try that failed (its commit landed,
     * the answer was lost with the connection), and a {@code COPY} of it would then fail for ever
     * on the first id already there. One {@code INSERT} per event; only for such retries.
     */
    static void writeIfAbsent(EntityManager em, Collection<Event> events) {
        events.forEach(event -> JdbcRows.update(em, INSERT_IF_ABSENT, event.values()));
    }

    /**
     * Records that the caller read a record of personal data ({@code READ}, {@code READ_CONSENTS}…),
     * at this moment, without a write in the read's transaction: {@link ReadTrail} writes it within
     * a fraction of a second. When its queue is full, the event is written at once: in the caller's
     * transaction if it has one, otherwise on its own (a read of one record runs without one).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void recordRead(String action, String recordType, String recordId, String unitPath) {
        CurrentUser.Resolved user = currentUser.get();
        Event event = new Event(TimeOrderedIds.next(), clock.instant(), user.username(), user.subject(), user.clientId(), action,
                recordType, recordId, unitPath, null, null, requestId.id());
        if (!reads.offer(event)) {
            write(em, List.of(event));
        }
    }

    /**
     * Records one event.
     *
     * @param unitPath where the record sits in the tree; decides who may read the event
     * @param before   the record before the change (null for a create or a read)
     * @param after    the record after the change (null for a read)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String recordType, String recordId, String unitPath, Object before, Object after) {
        Buffer event = buffer();
        event.add(action, recordType, recordId, unitPath, before, after);
        event.flush();
    }

    /**
     * Events gathered by a bulk operation and sent with one {@code COPY} per {@code flush}, inside
     * the same transaction as the changes they describe.
     */
    public final class Buffer {
        private record Gathered(String action, String recordType, String recordId, String unitPath, String before, String after) {
        }

        private final List<Gathered> events = new ArrayList<>();

        public void add(String action, String recordType, String recordId, String unitPath, Object before, Object after) {
            events.add(new Gathered(action, recordType, recordId, unitPath, json(before), json(after)));
        }

        /** Writes the events gathered so far; call it inside the transaction of the changes. */
        public void flush() {
            if (!events.isEmpty()) {
                CurrentUser.Resolved user = currentUser.get();
                write(user.username(), user.subject(), user.clientId());
            }
        }

        /** Like {@link #flush()}, for work the service does by itself (the retention rule), named {@code actor}. */
        public void flushAs(String actor) {
            if (!events.isEmpty()) {
                write(actor, null, null);
            }
        }

        private void write(String actor, String subject, String clientId) {
            Instant now = clock.instant();
            AuditTrail.write(em, events.stream().map(e -> new Event(TimeOrderedIds.next(), now, actor, subject, clientId, e.action(),
                    e.recordType(), e.recordId(), e.unitPath(), e.before(), e.after(), requestId.id())).toList());
            events.clear();
        }
    }

    /**
     * Erases the before and after states of every event about {@code records}, keeping who did
     * what and when. Only the retention rule calls it, in a transaction that has declared it is
     * erasing personal data (the trail is otherwise append-only).
     *
     * @return the number of events whose states were erased
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseStates(Collection<RecordRef> records) {
        if (records.isEmpty()) {
            return 0;
        }
        String[] arrays = RecordRef.arrays(records);
        return em.createNativeQuery("update audit_event set before_state = null, after_state = null, erased_at = ?3 where "
                        + RecordRef.MATCHES + " and erased_at is null")
                .setParameter(1, arrays[0]).setParameter(2, arrays[1]).setParameter(3, OffsetDateTime.now(clock))
                .executeUpdate();
    }

    public Buffer buffer() {
        return new Buffer();
    }

    private String json(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the audit state", e);
        }
    }

    /**
     * The sum of the {@code count} the events of {@code action} by {@code actor} recorded after
     * {@code since} (an allowance spent in steps, such as answers about records outside a scope).
     */
    public int countedSince(String action, String actor, OffsetDateTime since) {
        Number used = (Number) em.createNativeQuery("""
                        select coalesce(sum(cast(after_state ->> 'count' as integer)), 0) from audit_event
                        where action = ?1 and actor = ?2 and occurred_at > ?3""")
                .setParameter(1, action).setParameter(2, actor).setParameter(3, since)
                .getSingleResult();
        return used.intValue();
    }

    /** Every event about {@code records}, newest first, without the states. */
    List<AuditService.AccessEntry> accessesOf(Collection<RecordRef> records) {
        String[] arrays = RecordRef.arrays(records);
        return Row.all(em.createNativeQuery("select occurred_at, actor, client_id, action, record_type, record_id"
                        + " from audit_event where " + RecordRef.MATCHES + " order by occurred_at desc, id desc", Tuple.class)
                        .setParameter(1, arrays[0]).setParameter(2, arrays[1]))
                .stream().map(r -> new AuditService.AccessEntry(r.timestamp("occurred_at"), r.text("actor"), r.text("client_id"),
                        r.text("action"), r.text("record_type"), r.text("record_id"))).toList();
    }

    /** One event as the trail's list shows it; the states are JSON text, null once erased. */
    record Listed(UUID id, OffsetDateTime occurredAt, String actor, String clientId, String action, String recordType,
                  String recordId, String unitPath, String before, String after, String requestId, OffsetDateTime erasedAt) {

        /** Where the event stands in the list. */
        Cursor position() {
            return new Cursor(occurredAt, id);
        }
    }

    /** Where an event stands in the list, or a page of it ends: the event's time and id, as a page token carries them. */
    record Cursor(OffsetDateTime at, UUID id) {
        String format() {
            return at.toInstant() + "/" + id;
        }

        static Cursor parse(String key) {
            String[] parts = key.split("/", 2);
            try {
                return new Cursor(Instant.parse(parts[0]).atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw PageToken.invalid();
            }
        }
    }

    /** The columns of {@link Listed}. */
    private static final String LISTED = """
            id, occurred_at, actor, client_id, action, record_type, record_id, cast(unit_path as text) as unit_path,
            cast(before_state as text) as before_state, cast(after_state as text) as after_state, request_id, erased_at""";
    private static final String NEWEST_FIRST = " order by occurred_at desc, id desc";
    /**
     * The order of {@link #NEWEST_FIRST}: PostgreSQL orders ids as unsigned bytes, where
     * {@link UUID#compareTo} compares signed numbers.
     */
    private static final Comparator<Cursor> NEWEST_FIRST_ORDER = Comparator.comparing((Cursor e) -> e.at().toInstant())
            .thenComparing(Cursor::id, Comparator.<UUID, Long>comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
                    .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned))
            .reversed();
    /** How many of the newest events the list looks through for a page before it looks unit by unit. */
    static final int RECENT = 5_000;

    /**
     * The events in {@code scope} that pass {@code filter}, newest first; only those after
     * {@code after} when it is given.
     *
     * <p>Walking the newest events finds a page at once where the scope's are many among them, and
     * never ends where they are old: a quiet commune's events may lie behind millions of its
     * province's. So the list looks through the {@link #RECENT} newest events ({@link #recent}) and,
     * when they do not fill the page, takes the newest of each unit of the scope by the trail's
     * index on unit, type of record and time ({@link #byUnit}): a few index descents per unit. A
     * list of an actor looks through the actor's newest events, then goes by the actor's index on
     * unit, type and time. A list of a record is left to the planner, which reads a page from the
     * end of the record's range of its index by time (changelog 043), and so is the
     * administrator's of every actor and type, every event being in scope.
     */
    List<Listed> list(Scope scope, AuditService.Filter filter, Cursor after, int limit) {
        if (filter.recordId() != null || scope.all() && filter.recordType() == null && filter.actor() == null) {
            return listed(filtered(ScopedQuery.unscoped("select " + LISTED + " from audit_event"), filter, after)
                    .withinByKey(scope, "unit_path", UNIT_KEY), limit);
        }
        List<Listed> recent = recent(scope, filter, after, limit);
        return recent.size() == limit ? recent : byUnit(scope, filter, after, limit);
    }

    /**
     * The events of {@link #list} among the {@link #RECENT} newest within the filter's times and
     * before {@code after}: the actor's newest when the filter names one (changelog 049).
     */
    List<Listed> recent(Scope scope, AuditService.Filter filter, Cursor after, int limit) {
        ScopedQuery newest = inTime(ScopedQuery.unscoped("select " + LISTED + " from (select * from audit_event"), filter, after)
                .equal("actor", "actor", filter.actor())
                .append(NEWEST_FIRST + " limit :recent) audit_event where true", Map.of("recent", RECENT));
        return listed(ofRecords(newest.withinByKey(scope, "unit_path", UNIT_KEY), filter), limit);
    }

    /**
     * The events of {@link #list}, the newest of each unit of {@code scope} and type of record,
     * read from the trail's index on unit, type and time ({@link #placed}); with an actor, from the
     * actor's index on unit, type and time (changelog 047), so that the actor's events elsewhere
     * are never read. For {@link Scope#everything()}, the events that name no unit (a scope
     * probe's, say), which no range of keys holds, are merged in.
     */
    List<Listed> byUnit(Scope scope, AuditService.Filter filter, Cursor after, int limit) {
        List<Listed> placed = placed(scope, filter, after, limit);
        if (!scope.all()) {
            return placed;
        }
        List<Listed> placeless = listed(filtered(ScopedQuery.unscoped("select " + LISTED + " from audit_event")
                .where(UNIT_KEY + " is null"), filter, after), limit);
        return Stream.concat(placed.stream(), placeless.stream()).sorted(Comparator.comparing(Listed::position, NEWEST_FIRST_ORDER))
                .limit(limit).toList();
    }

    /**
     * The events of {@link #byUnit} that name a unit. Each pair's newest event is found first, one
     * descent each ({@link #newestOfEachPair}); the page's last event is no older than the
     * {@code limit}-th newest of them, so only the pairs whose newest is as new are read, each down
     * to that bound. Each read to a page, the 1,298 units of a province that hold an actor's events
     * about cases gave 62,237 rows for a page of 51 (docs/performance.md, "The audit list's units
     * down to a bound").
     */
    private List<Listed> placed(Scope scope, AuditService.Filter filter, Cursor after, int limit) {
        List<Pair> pairs = newestOfEachPair(scope, filter, after).stream()
                .sorted(Comparator.comparing(Pair::newest, NEWEST_FIRST_ORDER)).toList();
        if (pairs.isEmpty()) {
            return List.of();
        }
        ScopedQuery eachPair = ScopedQuery.unscoped("""
                select %s from audit_event join (
                    select e.id from unnest(cast(:unitKeys as text[]), cast(:recordTypes as text[])) pairs(unit_key, record_type)
                    cross join lateral (select id, occurred_at from audit_event""".formatted(LISTED))
                .where(UNIT_KEY + " = pairs.unit_key and record_type = pairs.record_type");
        if (pairs.size() >= limit) {
            pairs = pairs.subList(0, limit);
            Cursor bound = pairs.getLast().newest();
            eachPair.append(" and (occurred_at, id) >= (:boundAt, :boundId)", Map.of("boundAt", bound.at(), "boundId", bound.id()));
        }
        return listed(filtered(eachPair, filter, after)
                .bind("unitKeys", pairs.stream().map(Pair::unitKey).toArray(String[]::new))
                .bind("recordTypes", pairs.stream().map(Pair::recordType).toArray(String[]::new))
                .append(NEWEST_FIRST + " limit :limit) e order by e.occurred_at desc, e.id desc limit :limit) newest using (id)",
                        Map.of()), limit);
    }

    /** A unit's key and a type of record, and where the newest event of the pair that a list shows stands. */
    private record Pair(String unitKey, String recordType, Cursor newest) {
    }

    /**
     * The pairs of unit and type of record of {@link #byUnit}, each with its newest event that
     * passes {@code filter} (pairs with none left out): the pairs found in the trail's index on
     * unit, type and time range by range, one descent each (the smallest pair after the last), and
     * each pair's newest event read from its end of that index. With an actor, the pairs and their
     * events are the actor's, from the actor's index on unit, type and time (changelog 047).
     */
    private List<Pair> newestOfEachPair(Scope scope, AuditService.Filter filter, Cursor after) {
        ScopedQuery eachUnit = ScopedQuery.unscoped("""
                with recursive units(below, unit_key, record_type) as (
                    select r.below, first.* from unnest(cast(:unitsFrom as text[]), cast(:unitsBelow as text[])) r(unit_key, below)
                    cross join lateral (select %1$s, record_type from audit_event where %2$s%1$s >= r.unit_key and %1$s < r.below
                                        order by 1, 2 limit 1) first
                    union all
                    select units.below, next.* from units
                    cross join lateral (select %1$s, record_type from audit_event
                                        where %2$s(%1$s, record_type) > (units.unit_key, units.record_type) and %1$s < units.below
                                        order by 1, 2 limit 1) next)
                select units.unit_key, units.record_type, e.occurred_at, e.id from (select distinct unit_key, record_type from units) units
                cross join lateral (select id, occurred_at from audit_event""".formatted(UNIT_KEY,
                filter.actor() == null ? "" : "actor = :actor and "))
                .where(UNIT_KEY + " = units.unit_key and record_type = units.record_type");
        Map<String, Object> units = new HashMap<>(scope.keyRanges("units"));
        units.putAll(scope.keyParameters());
        String ofType = filter.recordType() == null ? "" : " and units.record_type = :recordType";
        return filtered(eachUnit, filter, after)
                .append(NEWEST_FIRST + " limit 1) e where " + scope.keySql("units.unit_key") + ofType, units)
                .rows(em, Integer.MAX_VALUE).stream()
                .map(r -> new Pair(r.text("unit_key"), r.text("record_type"), new Cursor(r.timestamp("occurred_at"), r.uuid("id"))))
                .toList();
    }

    /** {@code query} with the filter's conditions on the record and the actor, and on the times. */
    private static ScopedQuery filtered(ScopedQuery query, AuditService.Filter filter, Cursor after) {
        return ofRecords(inTime(query, filter, after), filter);
    }

    private static ScopedQuery ofRecords(ScopedQuery query, AuditService.Filter filter) {
        return query.equal("record_type", "recordType", filter.recordType())
                .equal("record_id", "recordId", filter.recordId())
                .equal("actor", "actor", filter.actor());
    }

    private static ScopedQuery inTime(ScopedQuery query, AuditService.Filter filter, Cursor after) {
        query.where("occurred_at >= :since", "since", filter.since()).where("occurred_at < :until", "until", filter.until());
        return after == null ? query
                : query.append(" and (occurred_at, id) < (:afterAt, :afterId)", Map.of("afterAt", after.at(), "afterId", after.id()));
    }

    private List<Listed> listed(ScopedQuery query, int limit) {
        return query.append(NEWEST_FIRST, Map.of()).rows(em, limit).stream()
                .map(r -> new Listed(r.uuid("id"), r.timestamp("occurred_at"), r.text("actor"), r.text("client_id"), r.text("action"),
                        r.text("record_type"), r.text("record_id"), r.text("unit_path"), r.text("before_state"),
                        r.text("after_state"), r.text("request_id"), r.timestamp("erased_at")))
                .toList();
    }
}
