package vn.baovetreem.audit;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.junit.jupiter.api.Test;
import vn.baovetreem.security.Scope;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The audit trail's own queries against PostgreSQL, without HTTP, for an actor no other test is, rolled back after each test. */
@QuarkusTest
class AuditTrailTest {

    private static final String ACTOR = "audit-trail-test";

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    @ActivateRequestContext
    void anAllowanceSpentInStepsIsTheSumOfTheCountsOfTheActorsEventsSinceAMoment() {
        OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);
        AuditTrail.Buffer events = audit.buffer();
        events.add("TEST_ALLOWANCE", "scope-probe", "a", null, null, Map.of("count", 2));
        events.add("TEST_ALLOWANCE", "scope-probe", "b", null, null, Map.of("count", 3));
        events.add("OTHER_ACTION", "scope-probe", "c", null, null, Map.of("count", 7));
        events.flushAs(ACTOR);

        assertThat(audit.countedSince("TEST_ALLOWANCE", ACTOR, before)).isEqualTo(5);
        assertThat(audit.countedSince("TEST_ALLOWANCE", "someone else", before)).isZero();
        assertThat(audit.countedSince("TEST_ALLOWANCE", ACTOR, OffsetDateTime.now().plusMinutes(1))).isZero();
    }

    @Test
    @TestTransaction
    @ActivateRequestContext
    void theAccessesOfRecordsAreTheirEventsNewestFirstWithoutTheirStates() {
        String id = UUID.randomUUID().toString();
        AuditTrail.Buffer events = audit.buffer();
        events.add("CREATE", "child", id, null, null, Map.of("fullName", "x"));
        events.add("READ", "child", id, null, null, null);
        events.add("READ", "child", "someone-else", null, null, null);
        events.flushAs(ACTOR);

        assertThat(audit.accessesOf(List.of(new RecordRef("child", id))))
                .extracting(AuditService.AccessEntry::action, AuditService.AccessEntry::actor, AuditService.AccessEntry::recordId)
                .containsExactlyInAnyOrder(tuple("CREATE", ACTOR, id), tuple("READ", ACTOR, id));
    }

    @Test
    @TestTransaction
    @ActivateRequestContext
    void aStateIsStoredAsWrittenWhateverCharactersCopyHasToEscape() {
        String id = UUID.randomUUID().toString();
        String note = "\\ a\\b\tc\nd\r\ne \"q\" \\N Thôn 2\\";
        AuditTrail.Buffer events = audit.buffer();
        events.add("CREATE", "child", id, null, null, Map.of("note", note));
        events.flushAs(ACTOR);

        Object stored = em.createNativeQuery("select after_state ->> 'note' from audit_event where record_id = ?1")
                .setParameter(1, id).getSingleResult();
        assertThat(stored).isEqualTo(note);
    }

    @Test
    @TestTransaction
    @ActivateRequestContext
    void theListKeepsToTheScopeAndTheFilterAndPagesNewestFirstWithoutRepeatingAnEvent() {
        AuditTrail.Buffer events = audit.buffer();
        for (String id : List.of("in-1", "in-2", "in-3")) {
            events.add("UPDATE", "child", id, "zz9.inside", Map.of("n", 1), Map.of("n", 2));
        }
        events.add("UPDATE", "child", "out-1", "zz9.outside", null, null);
        events.flushAs(ACTOR);
        Scope scope = Scope.of(List.of("zz9.inside"));
        AuditService.Filter mine = new AuditService.Filter(null, null, ACTOR, null, null);

        List<AuditTrail.Listed> first = audit.list(scope, mine, null, 2);
        AuditTrail.Listed last = first.get(1);
        List<AuditTrail.Listed> rest = audit.list(scope, mine, new AuditTrail.Cursor(last.occurredAt(), last.id()), 10);

        assertThat(first).hasSize(2);
        assertThat(Stream.concat(first.stream(), rest.stream()).map(AuditTrail.Listed::recordId))
                .containsExactlyInAnyOrder("in-1", "in-2", "in-3");
        assertThat(first.get(0).after()).isEqualTo("{\"n\": 2}");
        assertThat(first.get(0).unitPath()).isEqualTo("zz9.inside");
        assertThat(audit.list(scope, new AuditService.Filter("child", "in-2", ACTOR, null, null), null, 10))
                .extracting(AuditTrail.Listed::recordId).containsExactly("in-2");
        assertThat(audit.list(scope, new AuditService.Filter(null, null, "someone else", null, null), null, 10)).isEmpty();
        assertThat(audit.list(scope, new AuditService.Filter(null, null, ACTOR, OffsetDateTime.now().plusMinutes(1), null), null, 10))
                .isEmpty();
    }

    @Test
    @TestTransaction
    @ActivateRequestContext
    void aRecordsListHoldsItsEventsOfEveryTypeNewestFirstAndPages() {
        String id = UUID.randomUUID().toString();
        AuditTrail.Buffer events = audit.buffer();
        events.add("CREATE", "child", id, "zz9.inside", null, null);
        events.flushAs(ACTOR);
        events.add("CREATE", "case", id, "zz9.inside", null, null);
        events.add("READ", "child", UUID.randomUUID().toString(), "zz9.inside", null, null);
        events.add("READ", "child", id, "zz9.outside", null, null);
        events.flushAs("someone else");
        Scope scope = Scope.of(List.of("zz9.inside"));
        AuditService.Filter record = new AuditService.Filter(null, id, null, null, null);

        List<AuditTrail.Listed> first = audit.list(scope, record, null, 1);
        AuditTrail.Listed last = first.getFirst();
        List<AuditTrail.Listed> rest = audit.list(scope, record, new AuditTrail.Cursor(last.occurredAt(), last.id()), 10);

        assertThat(Stream.concat(first.stream(), rest.stream()))
                .extracting(AuditTrail.Listed::recordType, AuditTrail.Listed::actor)
                .containsExactly(tuple("case", "someone else"), tuple("child", ACTOR));
        assertThat(audit.list(scope, new AuditService.Filter("case", id, null, null, null), null, 10))
                .extracting(AuditTrail.Listed::recordType).containsExactly("case");
        assertThat(audit.list(scope, new AuditService.Filter(null, id, ACTOR, null, null), null, 10))
                .extracting(AuditTrail.Listed::recordType).containsExactly("child");
    }

    @Test
    @TestTransaction
    @ActivateRequestContext
    void theListFindsASubtreesEventsByTheUnitKeyAndNothingBesideTheSubtree() {
        AuditTrail.Buffer events = audit.buffer();
        for (String path : List.of("zz8", "zz8.a", "zz8.a.b", "zz8.a.b.c", "zz8.a0", "zz8.a-b", "zz8.a_b", "zz8.ab.a",
                "zz8.b", "zz8.b.a", "zz80.a", "zz8-a")) {
            events.add("UPDATE", "child", path, path, null, null);
        }
        events.flushAs(ACTOR);
        AuditService.Filter mine = new AuditService.Filter(null, null, ACTOR, null, null);

        assertThat(audit.list(Scope.of(List.of("zz8.a")), mine, null, 50)).extracting(AuditTrail.Listed::recordId)
                .containsExactlyInAnyOrder("zz8.a", "zz8.a.b", "zz8.a.b.c");
        assertThat(audit.list(Scope.of(List.of("zz8.a.b", "zz8.b")), mine, null, 50)).extracting(AuditTrail.Listed::recordId)
                .containsExactlyInAnyOrder("zz8.a.b", "zz8.a.b.c", "zz8.b", "zz8.b.a");
        assertThat(audit.list(Scope.of(List.of("zz8"), List.of("zz8.a")), mine, null, 50)).extracting(AuditTrail.Listed::recordId)
                .containsExactlyInAnyOrder("zz8", "zz8.a0", "zz8.a-b", "zz8.a_b", "zz8.ab.a", "zz8.b", "zz8.b.a");
        assertThat(audit.list(Scope.of(List.of()), mine, null, 50)).isEmpty();

        // The key's conditions alone find the same events: the list also checks '@>', which would hide a range too wide.
        for (Scope scope : List.of(Scope.of(List.of("zz8.a")), Scope.of(List.of("zz8.a.b", "zz8.b")),
                Scope.of(List.of("zz8"), List.of("zz8.a")), Scope.of(List.of()))) {
            assertThat(byKeyAlone(scope)).as("by the key alone, %s", scope).containsExactlyInAnyOrderElementsOf(
                    audit.list(scope, mine, null, 50).stream().map(AuditTrail.Listed::recordId).toList());
        }

        // The list's condition is on the key of the index, where each subtree is a range.
        Scope village = Scope.of(List.of("zz8.a"));
        em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
        Query explain = em.createNativeQuery("explain select id from audit_event where " + village.keySql(AuditTrail.UNIT_KEY));
        village.keyParameters().forEach(explain::setParameter);
        @SuppressWarnings("unchecked")
        List<String> plan = explain.getResultList();
        assertThat(String.join("\n", plan)).contains("audit_event_unit_type_time_ix");
    }

    @Test
    @TestTransaction
    @ActivateRequestContext
    void aScopesEventsBehindTheNewestOfOthersAreListedUnitByUnit() {
        AuditTrail.Buffer events = audit.buffer();
        for (String path : List.of("zz7.a", "zz7.a.b", "zz7.a.c", "zz7.a-b", "zz7.a.gone", "zz7.a.gone.x", "zz7.b")) {
            events.add("UPDATE", "child", path, path, null, null);
            events.add("READ", "case", path, path, null, null);
        }
        events.add("PROBE", "zz7-probe", "nowhere", null, null, null);
        events.flushAs(ACTOR);
        for (int i = 0; i < AuditTrail.RECENT; i++) {
            events.add("READ", "child", "newer", "zz7.elsewhere", null, null);
        }
        events.flushAs(ACTOR);
        Scope scope = Scope.of(List.of("zz7.a", "zz7.a.b"), List.of("zz7.a.gone"));
        // No other test writes under zz7, and these events are rolled back: the list needs no actor to keep to them.
        AuditService.Filter any = new AuditService.Filter(null, null, null, null, null);
        assertThat(audit.recent(scope, any, null, 50)).as("the newest events hold none of the scope's").isEmpty();

        List<AuditTrail.Listed> all = audit.list(scope, any, null, 50);
        assertThat(all).extracting(AuditTrail.Listed::recordType, AuditTrail.Listed::recordId).containsExactlyInAnyOrder(
                tuple("case", "zz7.a.c"), tuple("child", "zz7.a.c"), tuple("case", "zz7.a.b"), tuple("child", "zz7.a.b"),
                tuple("case", "zz7.a"), tuple("child", "zz7.a"));
        List<AuditTrail.Listed> paged = new ArrayList<>();
        AuditTrail.Cursor after = null;
        for (int page = 0; page < 4; page++) {
            List<AuditTrail.Listed> rows = audit.list(scope, any, after, 2);
            paged.addAll(rows);
            after = rows.isEmpty() ? after : new AuditTrail.Cursor(rows.getLast().occurredAt(), rows.getLast().id());
        }
        assertThat(paged).isEqualTo(all);
        OffsetDateTime written = all.getFirst().occurredAt();
        assertThat(audit.list(scope, new AuditService.Filter(null, null, null, written, null), null, 50)).isEqualTo(all);
        assertThat(audit.list(scope, new AuditService.Filter(null, null, null, null, written), null, 50)).isEmpty();
        assertThat(audit.list(scope, new AuditService.Filter("case", null, null, null, null), null, 50))
                .extracting(AuditTrail.Listed::recordId).containsExactlyInAnyOrder("zz7.a.c", "zz7.a.b", "zz7.a");
        assertThat(audit.list(scope, new AuditService.Filter("plan", null, null, null, null), null, 50)).isEmpty();
        assertThat(audit.list(Scope.everything(), new AuditService.Filter("case", null, null, null, null), null, 7))
                .as("the newest events of a type anywhere").extracting(AuditTrail.Listed::recordId)
                .containsExactlyInAnyOrder("zz7.a", "zz7.a.b", "zz7.a.c", "zz7.a-b", "zz7.a.gone", "zz7.a.gone.x", "zz7.b");

        // An actor's events in the scope, behind the actor's newest elsewhere, come from the actor's own index unit by unit.
        AuditService.Filter mine = new AuditService.Filter(null, null, ACTOR, null, null);
        assertThat(audit.recent(scope, mine, null, 50)).isEmpty();
        assertThat(audit.list(scope, mine, null, 50)).isEqualTo(all);
        assertThat(audit.list(scope, new AuditService.Filter("case", null, ACTOR, null, null), null, 50))
                .extracting(AuditTrail.Listed::recordId).containsExactlyInAnyOrder("zz7.a.c", "zz7.a.b", "zz7.a");
        assertThat(audit.list(scope, new AuditService.Filter(null, null, "someone else", null, null), null, 50)).isEmpty();
        // Events of no unit are the administrator's to see, behind newer events too.
        for (String actor : Stream.of(null, ACTOR).toList()) {
            assertThat(audit.list(Scope.everything(), new AuditService.Filter("zz7-probe", null, actor, null, null), null, 50))
                    .as("by %s", actor).extracting(AuditTrail.Listed::recordId).containsExactly("nowhere");
        }
        assertThat(audit.list(scope, new AuditService.Filter("zz7-probe", null, ACTOR, null, null), null, 50)).isEmpty();
        assertThat(audit.list(Scope.everything(), new AuditService.Filter("case", null, ACTOR, null, null), null, 7))
                .extracting(AuditTrail.Listed::recordId)
                .containsExactlyInAnyOrder("zz7.a", "zz7.a.b", "zz7.a.c", "zz7.a-b", "zz7.a.gone", "zz7.a.gone.x", "zz7.b");
    }

    @Test
    @TestTransaction
    @ActivateRequestContext
    void anActorsFirstEventInARangeOfUnitsIsOneDescentOfTheActorsIndex() {
        // What AuditTrail.byUnit asks for an actor: were it not served by an index, a scope holding none of an actor's
        // events would read all of them (a commune officer's list of a district supervisor's: 503 after 10 s). On the suite's
        // few events, with whatever statistics the suite's writes left, the planner may take any index and filter or sort
        // what it reads, which says nothing of whether an index gives the answer in one descent. So the range and the
        // newest events hold many events of someone else's, with statistics that say so (rolled back with the test), and
        // sorts and bitmap scans are ruled out (a plan that cannot do without a sort still shows one).
        em.createNativeQuery("""
                        insert into audit_event (id, occurred_at, actor, action, record_type, record_id, unit_path)
                        select gen_random_uuid(), now(), 'someone else', 'READ', 'child', cast(n as text), cast('zz5.' || (n % 7) as ltree)
                        from generate_series(1, 5000) n""").executeUpdate();
        em.createNativeQuery("analyze audit_event").executeUpdate();
        em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
        em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
        em.createNativeQuery("set local enable_sort = off").executeUpdate();
        String key = AuditTrail.UNIT_KEY;
        @SuppressWarnings("unchecked")
        List<String> plan = em.createNativeQuery("explain select " + key + ", record_type from audit_event where actor = ?1 and "
                        + key + " >= ?2 and " + key + " < ?3 order by 1, 2 limit 1")
                .setParameter(1, ACTOR).setParameter(2, "zz5").setParameter(3, "zz5/").getResultList();
        assertThat(String.join("\n", plan)).contains("audit_event_actor_unit_time_ix").doesNotContain("Sort");
        // And what AuditTrail.recent asks for first: the actor's newest events, in order from the actor's index by time.
        @SuppressWarnings("unchecked")
        List<String> newest = em.createNativeQuery("explain select id from audit_event where actor = ?1 order by occurred_at desc, id desc"
                        + " limit " + AuditTrail.RECENT)
                .setParameter(1, ACTOR).getResultList();
        assertThat(String.join("\n", newest)).contains("audit_event_actor_time_ix").doesNotContain("Sort");
    }

    @Test
    @TestTransaction
    @ActivateRequestContext
    void theNewestEventsAndTheNewestOfEachUnitAreTheSameList() {
        AuditTrail.Buffer events = audit.buffer();
        // An event older than the newest of every unit and type, of a pair that has a newer one too: a page of them all holds it.
        events.add("UPDATE", "child", "zz6", "zz6", null, null);
        events.flushAs(ACTOR);
        for (String path : List.of("zz6", "zz6.a", "zz6.a.b", "zz6.a0", "zz6.a-b", "zz6.b", "zz6.b.a", "zz60.a")) {
            events.add("UPDATE", "child", path, path, null, null);
            events.add("READ", "case", path, path, null, null);
        }
        events.add("PROBE", "case", "zz6-nowhere", null, null, null); // an event of no unit, which only everything holds
        events.flushAs(ACTOR);
        List<AuditTrail.Listed> newest = audit.list(Scope.of(List.of("zz6")), new AuditService.Filter(null, null, ACTOR, null, null), null, 3);
        AuditTrail.Cursor third = new AuditTrail.Cursor(newest.getLast().occurredAt(), newest.getLast().id());

        for (Scope scope : List.of(Scope.of(List.of("zz6")), Scope.of(List.of("zz6.a")), Scope.of(List.of("zz6.a.b", "zz6.b")),
                Scope.of(List.of("zz6"), List.of("zz6.a")), Scope.of(List.of()), Scope.everything())) {
            for (AuditService.Filter filter : List.of(new AuditService.Filter(null, null, ACTOR, null, null),
                    new AuditService.Filter("case", null, ACTOR, null, null))) {
                for (AuditTrail.Cursor after : Stream.of(null, third).toList()) {
                    for (int limit : List.of(2, 50)) {
                        assertThat(audit.byUnit(scope, filter, after, limit)).as("%s, %s, after %s, %d", scope, filter, after, limit)
                                .isEqualTo(audit.recent(scope, filter, after, limit));
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> byKeyAlone(Scope scope) {
        Query query = em.createNativeQuery("select record_id from audit_event where actor = :actor and " + scope.keySql(AuditTrail.UNIT_KEY));
        query.setParameter("actor", ACTOR);
        scope.keyParameters().forEach(query::setParameter);
        return query.getResultList();
    }
}
