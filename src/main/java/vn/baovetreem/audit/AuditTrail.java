package vn.baovetreem.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.http.RequestIds;
import vn.baovetreem.common.persistence.Copy;
import vn.baovetreem.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Writes audit events inside the transaction of the change they describe, so a change and its
 * audit record are committed together or not at all.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final CurrentUser currentUser;
    private final RequestIds.Current requestId;
    private final Clock clock;

    AuditTrail(EntityManager em, ObjectMapper mapper, CurrentUser currentUser, RequestIds.Current requestId, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.currentUser = currentUser;
        this.requestId = requestId;
        this.clock = clock;
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
        private final List<Object[]> events = new ArrayList<>();

        public void add(String action, String recordType, String recordId, String unitPath, Object before, Object after) {
            events.add(new Object[]{action, recordType, recordId, unitPath, json(before), json(after)});
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
            Copy rows = Copy.into("audit_event", "id", "occurred_at", "actor", "actor_subject", "client_id", "action", "record_type",
                    "record_id", "unit_path", "before_state", "after_state", "request_id");
            for (Object[] e : events) {
                rows.row(UUID.randomUUID(), now, actor, subject, clientId, e[0], e[1], e[2], e[3], e[4], e[5], requestId.id());
            }
            // The events touch no table of the records they describe: no need to flush those first.
            rows.send(em);
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
}
