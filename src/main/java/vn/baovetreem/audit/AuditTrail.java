package vn.baovetreem.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.http.RequestIds;
import vn.baovetreem.security.CurrentUser;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
     * Events gathered by a bulk operation and written with one statement per {@code flush}, inside
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
            StringBuilder sql = new StringBuilder("""
                    insert into audit_event (id, occurred_at, actor, actor_subject, client_id, action, record_type,
                                             record_id, unit_path, before_state, after_state, request_id) values""");
            // ?1 to ?5 are the same for every event: when, who, from which client, in which request.
            for (int i = 0; i < events.size(); i++) {
                int p = 5 + i * 6;
                sql.append(i == 0 ? " " : ", ").append("(gen_random_uuid(), ?1, ?2, ?3, ?4, ?").append(p + 1)
                        .append(", ?").append(p + 2).append(", ?").append(p + 3).append(", cast(?").append(p + 4)
                        .append(" as ltree), cast(?").append(p + 5).append(" as jsonb), cast(?").append(p + 6).append(" as jsonb), ?5)");
            }
            // The events touch no table of the records they describe: no need to flush those first.
            var query = em.createNativeQuery(sql.toString()).setFlushMode(FlushModeType.COMMIT)
                    .setParameter(1, OffsetDateTime.now(clock)).setParameter(2, actor)
                    .setParameter(3, subject).setParameter(4, clientId).setParameter(5, requestId.id());
            for (int i = 0; i < events.size(); i++) {
                Object[] e = events.get(i);
                for (int j = 0; j < 6; j++) {
                    query.setParameter(5 + i * 6 + j + 1, e[j]);
                }
            }
            query.executeUpdate();
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
