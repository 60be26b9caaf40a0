package vn.baovetreem.children;

import vn.baovetreem.common.persistence.CopyTable;
import vn.baovetreem.common.persistence.CustomPlans;
import vn.baovetreem.common.persistence.InOrder;
import vn.baovetreem.common.persistence.JdbcRows;
import vn.baovetreem.common.persistence.NativeValues;
import vn.baovetreem.common.persistence.ReadOnlySession;
import vn.baovetreem.common.persistence.RecordLocks;
import vn.baovetreem.common.persistence.Row;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Queries of the registry. Lists are keyset-paginated SQL on indexed columns that return ids;
 * records are then loaded in one query, so a page costs a constant number of round trips.
 */
@ApplicationScoped
public class ChildRepository implements PanacheRepositoryBase<Child, UUID> {

    /** The lock of {@link #refreshDuplicatePairs}. */
    private static final String REFRESH = "child-duplicates";
    private static final String SAME_COMMUNE = "current_parent_code(%1$s.village_code) = current_parent_code(%2$s)";
    /** The rows holding any of the personal identification numbers (the first parameter) or external references (the second). */
    private static final String HOLDING_ANY = "from child where personal_id = any(?) or external_ref = any(?)";
    /** The codes of child {@code c}'s spans of the kind named by the parameter {@code %s} open on {@code :on}, in code order. */
    private static final String OPEN_CODES = """
            (select array_agg(e.code) within group (order by e.code) from ChildEpisode e
             where e.childId = c.id and e.kind = :%s and e.startDate <= :on and (e.endDate is null or e.endDate >= :on))""";
    /** The child {@code :id} and its open circumstance and risk codes. */
    private static final String WITH_OPEN_SPANS = "select c, %s, %s from Child c where c.id = :id"
            .formatted(OPEN_CODES.formatted("circumstance"), OPEN_CODES.formatted("risk"));

    /** The record, if it exists and lies in {@code scope}. */
    public Optional<Child> findInScope(UUID id, Scope scope) {
        return findByIdOptional(id).filter(c -> scope.contains(c.unitPath()));
    }

    /**
     * The child a new record (a support, a case) names in {@code field}: it must lie in
     * {@code scope} and not have been merged away; otherwise 400 naming the field.
     */
    public Child referencedInScope(UUID id, Scope scope, String field) {
        // Shared lock: the retention rule, which locks a record to anonymise it, cannot pass a new case or support by.
        Child child = findByIdOptional(id, LockModeType.PESSIMISTIC_READ).filter(c -> scope.contains(c.unitPath())).orElseThrow(() ->
                ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, field, field + " is not a child in your area."));
        if (child.status() == ChildStatus.MERGED) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, field, field + " was merged into another record; use that one.");
        }
        if (child.anonymisedAt() != null) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, field, field + " is a record anonymised under the retention rule.");
        }
        return child;
    }

    /** The duplicates merged into {@code survivorId}. */
    List<UUID> mergedInto(UUID survivorId) {
        return getEntityManager().createQuery("select c.id from Child c where c.mergedIntoId = :id", UUID.class)
                .setParameter("id", survivorId).getResultList();
    }

    /** A child and the codes of its circumstance and risk spans open on a day. */
    record WithOpenSpans(Child child, EpisodeRepository.ActiveEpisodes open) {
    }

    /**
     * Like {@link #findInScope}, with the spans open on {@code on} read in the same statement, as
     * {@link EpisodeRepository#activeOn} reads them: a read of a child sent the two as statements
     * of their own, and the second cost PostgreSQL about as much as the first.
     */
    Optional<WithOpenSpans> findInScopeWithOpenSpans(UUID id, Scope scope, LocalDate on) {
        return getEntityManager().createQuery(WITH_OPEN_SPANS, Object[].class)
                .setParameter("id", id).setParameter("on", on)
                .setParameter("circumstance", EpisodeKind.CIRCUMSTANCE).setParameter("risk", EpisodeKind.RISK)
                .getResultList().stream().findFirst()
                .filter(row -> scope.contains(((Child) row[0]).unitPath()))
                .map(row -> new WithOpenSpans((Child) row[0], new EpisodeRepository.ActiveEpisodes(
                        codes(id, (String[]) row[1]), codes(id, (String[]) row[2]))));
    }

    private static Map<UUID, List<String>> codes(UUID child, String[] codes) {
        return codes == null ? Map.of() : Map.of(child, List.of(codes));
    }

    /** Like {@link #findInScope} but locked for update until the transaction ends. */
    Optional<Child> lockInScope(UUID id, Scope scope) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(c -> scope.contains(c.unitPath()));
    }

    Optional<Child> findByPersonalId(String personalId) {
        return find("personalId", personalId).firstResultOptional();
    }

    Optional<Child> findByExternalRef(String externalRef) {
        return find("externalRef", externalRef).firstResultOptional();
    }

    /** Inserts new children with one {@code COPY}. */
    void insertAll(Collection<Child> children) {
        ChildRows.ROWS.insert(getEntityManager(), children);
    }

    /** Writes children changed outside Hibernate in one statement that checks their versions ({@link CopyTable#change}). */
    void changeAll(Collection<Child> children) {
        ChildRows.ROWS.change(getEntityManager(), children);
    }

    /** Records by id, in the order of {@code ids}; null where an id names no record ({@link InOrder#load}). */
    public List<Child> findAllInOrder(List<UUID> ids) {
        return InOrder.load(getEntityManager(), Child.class, ids);
    }

    /** A child as the records about it name it: its name and village. */
    public record Named(UUID id, String fullName, String villageCode) {
    }

    /**
     * The names and villages of these children, read as values after a flush (Hibernate's loading
     * of whole records was a seventh of a case transition's processor time, for its views).
     */
    public Map<UUID, Named> names(Collection<UUID> ids) {
        ReadOnlySession.flushUnlessDeclared(getEntityManager());
        JdbcRows.AnyOf any = new JdbcRows.AnyOf("id", "uuid", ids);
        return JdbcRows.list(getEntityManager(), "select id, full_name, village_code from child where " + any.condition(),
                        r -> new Named(r.getObject(1, UUID.class), r.getString(2), r.getString(3)), any.parameter())
                .stream().collect(Collectors.toMap(Named::id, Function.identity()));
    }

    /**
     * Filters of the child list; every field is optional ({@code villageSubtrees}, where the
     * village's records lie, goes with its code: {@link vn.baovetreem.areas.UnitDirectory#subtreesOfCode}).
     */
    record Filter(Scope unit, String villageCode, Scope villageSubtrees, String sex, LocalDate bornFrom, LocalDate bornTo,
                  String circumstanceGroup, LocalDate circumstanceOn, String riskCategory, LocalDate atRiskOn,
                  ChildStatus status, String povertyStatus, String disabilityLevel, String personalId,
                  String externalRef, List<String> nameWords, OffsetDateTime updatedSince) {
    }

    /** Ids of one page of children in {@code scope} matching {@code filter}, after {@code after}. */
    @SuppressWarnings("unchecked")
    List<UUID> pageOfIds(Filter f, Scope scope, ChildSort sort, ChildSort.Cursor after, int limit) {
        if (f.nameWords().isEmpty()) {
            if (f.villageCode() != null) {
                return pageOfVillage(f, scope, sort, after, limit);
            }
            ScopedQuery.IndexedArea area = ScopedQuery.IndexedArea.of(scope, f.unit());
            if (area != null && sort.byName() && area.units().size() > 1) {
                return pageByNameUnitByUnit(f, scope, area, sort, after, limit);
            }
            ScopedQuery query = withStatus(filtered(new ScopedQuery("select c.id from child c", scope, "c.unit_path"), f), f);
            if (area != null) {
                query.within(area, sort.byName());
                CustomPlans.forTransaction(getEntityManager());
            }
            sort.appendKeyset(query, "c", after);
            sort.appendOrderInArea(query, "c");
            return query.build(getEntityManager(), limit).getResultList();
        }
        // The lists answer what they are made for: a page by name of a large area. A search for one record (by a key), in
        // one village, of merged records (not listed) or sorted otherwise goes to the name index.
        List<String> lists = sort.byName() && f.villageCode() == null && f.personalId() == null && f.externalRef() == null
                && f.status() != ChildStatus.MERGED ? NameSearch.listKeys(scope, f.unit()) : List.of();
        return lists.isEmpty() ? pageFromNameIndex(f, scope, sort, after, limit) : pageFromWordLists(f, scope, lists, sort, after, limit);
    }

    /**
     * A page of the children of the filter's village, from the village's index (changelog 051): by
     * name, in order from the village's range; in another order, the village's rows read whole and
     * sorted, kept apart from the sort by a subquery (offset 0). A village lies in one unit of the area
     * or in none ({@link ScopedQuery#meeting}), which the planner, multiplying the shares of the
     * conditions, does not know: it read the village's rows and its commune's to intersect them and
     * sort (a village of 5,189 children in Yên Phúc by name: 95 ms in {@code psql}, 2 ms from the
     * village's range), or walked the sort's index through other villages' children (the same
     * village by birth date for the administrator: 173 ms, 25 ms read whole).
     */
    @SuppressWarnings("unchecked")
    private List<UUID> pageOfVillage(Filter f, Scope scope, ChildSort sort, ChildSort.Cursor after, int limit) {
        boolean byName = sort.byName();
        ScopedQuery query = withStatus(filtered(new ScopedQuery(byName ? "select c.id from child c"
                : "select c.id from (select c.id, c." + sort.column() + " from child c", scope, "c.unit_path"), f), f);
        if (byName) {
            query.inIndexOrder();
        }
        sort.appendKeyset(query, "c", after);
        if (!byName) {
            query.append(" offset 0) c", Map.of());
        }
        sort.appendOrder(query, "c");
        CustomPlans.forTransaction(getEntityManager());
        return query.build(getEntityManager(), limit).getResultList();
    }

    /**
     * A page by name of the children in {@code area}, of several units (a commune with its old
     * paths under the district it left), read unit by unit from the index of its level in name
     * order (changelogs 046 and 048), each unit's page in order, and the pages merged
     * ({@link ScopedQuery#withinEach}). Asked for all the units at once, the planner read them whole
     * and sorted them, or walked the name index of every child.
     */
    @SuppressWarnings("unchecked")
    private List<UUID> pageByNameUnitByUnit(Filter f, Scope scope, ScopedQuery.IndexedArea area, ChildSort sort,
                                            ChildSort.Cursor after, int limit) {
        ScopedQuery query = withStatus(filtered(new ScopedQuery(
                "select c.id from unnest(cast(:area as ltree[])) a(unit) cross join lateral (select c.id, c.sort_name from child c",
                scope, "c.unit_path"), f), f)
                .withinEach(area, "a.unit");
        sort.appendKeyset(query, "c", after);
        sort.appendOrder(query, "c");
        query.append(" limit :limit) c", Map.of());
        sort.appendOrder(query, "c");
        CustomPlans.forTransaction(getEntityManager());
        return query.build(getEntityManager(), limit).getResultList();
    }

    /**
     * A page of a name search from the lists of name words in name order (changelog 038): for each word listed under
     * the units {@code lists} that begins with the longest word typed, found one by one down the index, the first page
     * of its children that pass every filter; merged, a child under two such words once. A child stands no lower in its
     * word's list than in the merged one, so the first page of the lists is the first page of the search. The lists
     * carry the unit path and the folded name: without other filters, no child's row is read (the join goes unused).
     */
    @SuppressWarnings("unchecked")
    private List<UUID> pageFromWordLists(Filter f, Scope scope, List<String> lists, ChildSort sort, ChildSort.Cursor after,
                                         int limit) {
        String word = f.nameWords().stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        ScopedQuery query = filtered(new ScopedQuery("""
                with recursive words (unit_key, word) as (
                    select k, (select min(w.word) from child_name_word w where w.unit_key = k and w.word >= :wordFrom and w.word < :wordTo)
                    from unnest(cast(:lists as ltree[])) k
                    union all
                    select s.unit_key, (select min(w.word) from child_name_word w
                                        where w.unit_key = s.unit_key and w.word > s.word and w.word < :wordTo)
                    from words s where s.word is not null)
                select c.id from words s cross join lateral (
                    select t.child_id as id, t.sort_name from child_name_word t left join child c on c.id = t.child_id""",
                scope, "t.unit_path")
                .bind("lists", NativeValues.array(lists))
                .bind("wordFrom", word)
                .bind("wordTo", NameSearch.after(word))
                .where("t.unit_key = s.unit_key and t.word = s.word"), f);
        query.equal("c.status", "status", f.status() == null ? null : f.status().name());
        nameWordsStart(query, f, "t.search_name");
        sort.appendKeyset(query, "t.sort_name", "t.child_id", after);
        sort.appendOrder(query, "t.sort_name", "t.child_id");
        query.append(" limit :limit) c where s.word is not null group by c.id, c.sort_name", Map.of());
        sort.appendOrder(query, "c");
        // Planned for the words and units of each search: a generic plan of this statement, which the driver prepares
        // once it has seen it a few times, took four times as long for a commune's "h" (docs/performance.md).
        CustomPlans.forTransaction(getEntityManager());
        return query.build(getEntityManager(), limit).getResultList();
    }

    /**
     * A page of a name search from the name index (changelog 031), which holds each unit's code: the children whose
     * names match are taken from it and filtered inside a subquery the planner keeps apart (offset 0), then sorted.
     * Left to choose, the planner may walk the sort's index instead and skip through a province for a common word. The
     * subquery hands on only the id and the sort key, so the matches of a common word are sorted in memory rather than
     * kept whole in a temporary file.
     */
    @SuppressWarnings("unchecked")
    private List<UUID> pageFromNameIndex(Filter f, Scope scope, ChildSort sort, ChildSort.Cursor after, int limit) {
        ScopedQuery query = withStatus(filtered(new ScopedQuery("select c.id from (select c.id, c." + sort.column() + " from child c",
                scope, "c.unit_path"), f), f)
                .where("child_search_words(c.search_name, c.unit_path) @@ cast(:nameQuery as tsquery)", "nameQuery",
                        NameSearch.query(f.nameWords(), scope, f.unit()));
        nameWordsStart(query, f, "c.search_name");
        sort.appendKeyset(query, "c", after);
        query.append(" offset 0) c", Map.of());
        sort.appendOrder(query, "c");
        return query.build(getEntityManager(), limit).getResultList();
    }

    /** {@code query} narrowed by the filters of {@code f} on the child {@code c} but its status and its name. */
    private static ScopedQuery filtered(ScopedQuery query, Filter f) {
        query.under(f.unit())
                .equal("c.village_code", "village", f.villageCode())
                .meeting(f.villageSubtrees())
                .equal("c.sex", "sex", f.sex())
                .equal("c.poverty_status", "poverty", f.povertyStatus())
                .equal("c.disability_level", "disability", f.disabilityLevel())
                .equal("c.personal_id", "personalId", f.personalId())
                .equal("c.external_ref", "externalRef", f.externalRef())
                .where("c.date_of_birth >= :bornFrom", "bornFrom", f.bornFrom())
                .where("c.date_of_birth <= :bornTo", "bornTo", f.bornTo())
                .where("c.updated_at >= :updatedSince", "updatedSince", f.updatedSince());
        activeEpisode(query, EpisodeKind.CIRCUMSTANCE, f.circumstanceGroup(), f.circumstanceOn());
        activeEpisode(query, EpisodeKind.RISK, f.riskCategory(), f.atRiskOn());
        return query;
    }

    /**
     * {@code query} narrowed to the status asked for, or to the records not merged into another. The
     * status is written as a constant (an enum's name, not the request's text), so that the planner
     * can use the index of the children who are not active (changelog 050) for the others' lists: a
     * parameter's value may be any status, which that index does not hold.
     */
    private static ScopedQuery withStatus(ScopedQuery query, Filter f) {
        return query.where(f.status() != null ? hasStatus(f.status()) : "c.status <> 'MERGED'");
    }

    /** The condition that the child {@code c} has {@code status}, as the lists state it ({@link #withStatus}). */
    static String hasStatus(ChildStatus status) {
        return "c.status = '" + status.name() + "'";
    }

    /** {@code query} narrowed to the names in {@code searchName} in which each word of {@code f} begins a word. */
    private static void nameWordsStart(ScopedQuery query, Filter f, String searchName) {
        // The indexes find candidates; this condition keeps the exact ones.
        for (int i = 0; i < f.nameWords().size(); i++) {
            String word = ScopedQuery.escapeLike(f.nameWords().get(i));
            query.where("(' ' || " + searchName + ") like :wordStart" + i + " escape '\\'", "wordStart" + i, "% " + word + "%");
        }
    }

    /** A record that may describe the same child as another. */
    record Candidate(UUID id, String unitPath, DuplicateReason reason) {
    }

    /** Records other than {@code child} that may describe the same child (at most 20). */
    List<Candidate> possibleDuplicatesOf(Child child) {
        String sameBirth = "c.date_of_birth = :born and " + SAME_COMMUNE.formatted("c", ":village");
        return Row.all(getEntityManager().createNativeQuery("""
                        select c.id, cast(c.unit_path as text) as unit_path,
                               case when %1$s then 'SAME_NAME_AND_BIRTH_DATE' else 'SAME_NAME_AND_CAREGIVER_PHONE' end as reason
                        from child c
                        where c.search_name = :name and c.id <> :id and c.status <> 'MERGED'
                          and ((%1$s) or c.caregiver_phones && cast(:phones as text[]))
                        order by c.id limit 20""".formatted(sameBirth), Tuple.class)
                        .setParameter("name", child.searchName())
                        .setParameter("id", child.id())
                        .setParameter("born", child.dateOfBirth())
                        .setParameter("village", child.villageCode())
                        .setParameter("phones", NativeValues.array(child.caregiverPhones())))
                .stream().map(r -> new Candidate(r.uuid("id"), r.text("unit_path"), r.enumValue("reason", DuplicateReason.class)))
                .toList();
    }

    /** A pair of records that may describe one child; {@code first} sorts before {@code second}. */
    record Pair(UUID first, UUID second, DuplicateReason reason) {
    }

    /**
     * One page of likely duplicate pairs with both records in {@code scope}, by (first, second),
     * from the pairs found so far ({@link #refreshDuplicatePairs}); the rule is checked again here
     * on the records as they are, the commune of a same-birth pair included.
     */
    List<Pair> pageOfDuplicatePairs(Scope scope, Scope unit, UUID afterFirst, UUID afterSecond, int limit) {
        String sameBirth = "a.date_of_birth = b.date_of_birth and " + SAME_COMMUNE.formatted("a", "b.village_code");
        ScopedQuery query = new ScopedQuery("""
                select d.first_id as first, d.second_id as second,
                       case when %1$s then 'SAME_NAME_AND_BIRTH_DATE' else 'SAME_NAME_AND_CAREGIVER_PHONE' end as reason
                from child_duplicate d join child a on a.id = d.first_id join child b on b.id = d.second_id""".formatted(sameBirth),
                scope, "a.unit_path")
                .under(unit)
                .where("a.search_name = b.search_name and a.status <> 'MERGED' and b.status <> 'MERGED'")
                .where("((" + sameBirth + ") or a.caregiver_phones && b.caregiver_phones)");
        if (!scope.all()) {
            query.where(scope.sql("b.unit_path"));
        }
        if (unit != null) {
            query.where(unit.sql("b.unit_path", ScopedQuery.UNIT));
        }
        if (afterFirst != null) {
            query.append(" and (d.first_id, d.second_id) > (:afterFirst, :afterSecond)",
                    Map.of("afterFirst", afterFirst, "afterSecond", afterSecond));
        }
        query.append(" order by d.first_id, d.second_id", Map.of());
        return query.rows(getEntityManager(), limit).stream()
                .map(r -> new Pair(r.uuid("first"), r.uuid("second"), r.enumValue("reason", DuplicateReason.class))).toList();
    }

    /**
     * Finds again the pairs of at most {@code limit} records queued by a change of their name, birth
     * date, phones or status (changelog 034), against committed data, and takes them off the queue.
     * One refresh runs at a time (it waits for another to end), so two never race on a pair.
     *
     * @return the number of records taken off the queue
     */
    int refreshDuplicatePairs(int limit) {
        RecordLocks.lock(getEntityManager(), REFRESH, "refresh");
        return refresh(limit);
    }

    /**
     * The same unless a refresh is running already: then nothing, at once. For the list, which must
     * not queue behind the refresh of an import's records (they show as that refresh goes on).
     */
    int refreshDuplicatePairsIfIdle(int limit) {
        return RecordLocks.lockIfFree(getEntityManager(), REFRESH, "refresh") ? refresh(limit) : 0;
    }

    private int refresh(int limit) {
        // A record whose change has not committed yet holds its place in the queue (changelog 037): it is left for the next
        // refresh, which reads it as changed. Waiting for it instead could deadlock with a writer that goes on to change a
        // record this refresh has taken.
        @SuppressWarnings("unchecked")
        List<UUID> queued = getEntityManager().createNativeQuery("""
                        delete from child_duplicate_check
                        where child_id in (select child_id from child_duplicate_check limit ?1 for update skip locked)
                        returning child_id""")
                .setParameter(1, limit).getResultList();
        if (queued.isEmpty()) {
            return 0;
        }
        UUID[] ids = queued.toArray(UUID[]::new);
        getEntityManager().createNativeQuery("delete from child_duplicate where first_id = any(?1) or second_id = any(?1)")
                .setParameter(1, ids).executeUpdate();
        getEntityManager().createNativeQuery("""
                        insert into child_duplicate (first_id, second_id)
                        select distinct least(n.id, c.id), greatest(n.id, c.id)
                        from child n join child c on c.search_name = n.search_name and c.id <> n.id
                        where n.id = any(?1) and n.status <> 'MERGED' and c.status <> 'MERGED'
                          and (c.date_of_birth = n.date_of_birth or c.caregiver_phones && n.caregiver_phones)
                        on conflict do nothing""")
                .setParameter(1, ids).executeUpdate();
        return ids.length;
    }

    private static void activeEpisode(ScopedQuery query, EpisodeKind kind, String code, LocalDate on) {
        if (on == null) {
            return;
        }
        String p = kind.name().toLowerCase(Locale.ROOT);
        String condition = "exists (select 1 from child_episode e where e.child_id = c.id and e.kind = '" + kind.name()
                + "' and e.start_date <= :" + p + "On and (e.end_date is null or e.end_date >= :" + p + "On)"
                + (code != null ? " and e.code = :" + p + "Code" : "") + ")";
        query.append(" and " + condition, code != null ? Map.of(p + "On", on, p + "Code", code) : Map.of(p + "On", on));
    }

    /**
     * The records holding any of these personal identification numbers or external references, in
     * one statement for a batch of import rows (arrays, not list parameters, which Hibernate would
     * plan anew for each batch).
     */
    @SuppressWarnings("unchecked")
    List<Child> holdingAny(Collection<String> personalIds, Collection<String> externalRefs) {
        return getEntityManager().createNativeQuery("select * " + HOLDING_ANY, Child.class)
                .setParameter(1, personalIds.toArray(String[]::new)).setParameter(2, externalRefs.toArray(String[]::new))
                .getResultList();
    }

    /** Like {@link #holdingAny}, only what an import's rows of spans and supports need of each child ({@link JdbcRows}). */
    List<ChildImport.Named> namedByAny(Collection<String> personalIds, Collection<String> externalRefs) {
        return JdbcRows.list(getEntityManager(),
                "select id, personal_id, external_ref, full_name, search_name, date_of_birth, cast(unit_path as text), status "
                        + HOLDING_ANY,
                row -> new ChildImport.Named(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getObject(6, LocalDate.class), row.getString(7), ChildStatus.valueOf(row.getString(8))),
                new JdbcRows.ArrayParameter("text", personalIds), new JdbcRows.ArrayParameter("text", externalRefs));
    }
}
