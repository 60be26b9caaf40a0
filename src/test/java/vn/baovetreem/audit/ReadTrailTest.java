package vn.baovetreem.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Api;
import vn.baovetreem.testing.TestChildren;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;

/**
 * The audit events of reads leave the read's transaction and are written in batches: none is lost
 * on a clean stop, a full queue hands the event back to be written by the read itself (on its own
 * when the read has no transaction), and the trail shows a read as soon as it was served.
 */
@QuarkusTest
class ReadTrailTest {

    @Inject
    EntityManager em;

    @Inject
    ReadTrail appTrail;

    @Test
    void aCleanStopWritesEveryQueuedRead() {
        String actor = "read-trail-" + UUID.randomUUID();
        ReadTrail trail = new ReadTrail(em);
        trail.onStart(null);
        int reads = ReadTrail.BATCH * 2 + 500;
        for (int i = 0; i < reads; i++) {
            assertThat(trail.offer(read(actor, "r" + i))).isTrue();
        }
        trail.onStop(null);

        assertThat(readEvents("actor", actor)).isEqualTo(reads);
        assertThat(trail.offer(read(actor, "after the stop"))).as("a stopped trail hands reads back").isFalse();
    }

    @Test
    void aBatchTriedAgainLeavesOutTheEventsATryThatSeemedToFailWrote() {
        String actor = "read-trail-again-" + UUID.randomUUID();
        ReadTrail trail = new ReadTrail(em);
        List<AuditTrail.Event> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(read(actor, "r" + i));
            assertThat(trail.offer(events.get(i))).isTrue();
        }
        // As when a try's commit landed and its answer was lost: some of the batch is there already.
        QuarkusTransaction.requiringNew().run(() -> AuditTrail.write(em, events.subList(0, 2)));

        assertThatThrownBy(trail::flush).as("the COPY meets an id already written").isInstanceOf(RuntimeException.class);
        trail.flush();

        assertThat(readEvents("actor", actor)).isEqualTo(5);
    }

    @Test
    void aWriteTakesNoMoreThanItsLimitFromTheQueueAndFlushTakesTheRest() {
        String actor = "read-trail-limit-" + UUID.randomUUID();
        ReadTrail trail = new ReadTrail(em);
        int reads = ReadTrail.BATCH + 300;
        for (int i = 0; i < reads; i++) {
            assertThat(trail.offer(read(actor, "r" + i))).isTrue();
        }

        trail.writeQueued(ReadTrail.BATCH + 100);
        assertThat(readEvents("actor", actor)).as("two batches, the second cut at the limit").isEqualTo(ReadTrail.BATCH + 100);
        trail.writeQueued(0);
        assertThat(readEvents("actor", actor)).isEqualTo(ReadTrail.BATCH + 100);
        trail.flush();
        assertThat(readEvents("actor", actor)).isEqualTo(reads);
    }

    @Test
    void aFullQueueHandsTheReadBackToTheCaller() {
        ReadTrail trail = new ReadTrail(em);
        for (int i = 0; i < ReadTrail.CAPACITY; i++) {
            assertThat(trail.offer(read("read-trail-full", "r" + i))).isTrue();
        }
        assertThat(trail.offer(read("read-trail-full", "one more"))).isFalse();
    }

    @Test
    void aReadTheTrailRefusesIsWrittenBeforeItIsAnswered() {
        UUID child = TestChildren.register("06283_01", "2016-03-03", "Đọc Khi Đầy");
        appTrail.onStop(null); // from now on it hands every read back, as when its queue is full
        try {
            // A read of one record runs without a transaction: its event is written on its own.
            Api.as("commune.yenphuc").get("/api/v1/children/" + child).then().statusCode(200);
            assertThat(readEvents("record_id", child.toString())).isEqualTo(1);
        } finally {
            appTrail.onStart(null);
        }
    }

    @Test
    void theTrailShowsAReadAsSoonAsItWasServed() {
        UUID child = TestChildren.register("06283_01", "2016-02-02", "Đọc Ngay");
        Api.as("commune.yenphuc").get("/api/v1/children/" + child).then().statusCode(200);
        Api.as("commune.yenphuc").queryParam("recordId", child.toString()).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", hasItem("READ"));
    }

    private static AuditTrail.Event read(String actor, String recordId) {
        return new AuditTrail.Event(UUID.randomUUID(), Instant.now(), actor, null, null, "READ", "child", recordId, "20", null, null,
                null);
    }

    /** The read events whose {@code column} is {@code value}. */
    private long readEvents(String column, String value) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_event where action = 'READ' and " + column + " = ?1").setParameter(1, value)
                .getSingleResult()).longValue());
    }
}
