package vn.baovetreem.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.IdentifierMasking;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.ScopedQuery;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the audit trail, newest first, limited to the caller's scope, with the reads this instance
 * has served written first ({@link ReadTrail#flush}).
 */
@ApplicationScoped
public class AuditService {

    private static final String LIST = "audit-events";

    private final EntityManager em;
    private final AccessPolicy access;
    private final PagingConfig paging;
    private final ObjectMapper mapper;
    private final ReadTrail reads;
    private final AuditTrail trail;

    AuditService(EntityManager em, AccessPolicy access, PagingConfig paging, ObjectMapper mapper, ReadTrail reads, AuditTrail trail) {
        this.em = em;
        this.access = access;
        this.paging = paging;
        this.mapper = mapper;
        this.reads = reads;
        this.trail = trail;
    }

    /** Filters of the trail; all optional. */
    public record Filter(String recordType, String recordId, String actor, OffsetDateTime since, OffsetDateTime until) {
        String fingerprint() {
            return String.join("|", String.valueOf(recordType), String.valueOf(recordId), String.valueOf(actor),
                    String.valueOf(since), String.valueOf(until));
        }
    }

    @Transactional
    public Page<AuditEventView> list(Filter filter, Integer pageSize, String pageToken) {
        CurrentUser.Resolved user = access.check(Operation.READ_AUDIT_TRAIL);
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, LIST, filter.fingerprint()), paging);
        reads.flush();
        ScopedQuery query = new ScopedQuery("""
                select id, occurred_at, actor, client_id, action, record_type, record_id, cast(unit_path as text) as unit_path,
                       cast(before_state as text) as before_state, cast(after_state as text) as after_state, request_id, erased_at
                from audit_event""", user.scope(), "unit_path")
                .equal("record_type", "recordType", filter.recordType())
                .equal("record_id", "recordId", filter.recordId())
                .equal("actor", "actor", filter.actor())
                .where("occurred_at >= :since", "since", filter.since())
                .where("occurred_at < :until", "until", filter.until());
        if (page.afterKey() != null) {
            Cursor cursor = Cursor.parse(page.afterKey());
            query.append(" and (occurred_at, id) < (:afterAt, :afterId)", Map.of("afterAt", cursor.at(), "afterId", cursor.id()));
        }
        query.append(" order by occurred_at desc, id desc", Map.of());
        boolean masked = IdentifierMasking.appliesTo(user);
        List<AuditEventView> events = query.rows(em, page.size() + 1).stream().map(row -> toView(row, masked)).toList();
        return Page.fromOverfetch(events, page.size(),
                last -> PageToken.encode(LIST, filter.fingerprint(), new Cursor(last.occurredAt(), last.id()).format()));
    }

    /** One entry of a record's access log: who did what to which record, and when (schema {@code AccessLogEntry}). */
    public record AccessEntry(OffsetDateTime occurredAt, String actor, String clientId, String action, String recordType,
                              String recordId) {
    }

    /**
     * Every event about {@code records}, newest first, without the states: the access log of a
     * personal-data report. The caller has checked that the reader may see these records.
     */
    public List<AccessEntry> accessLog(Collection<RecordRef> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        reads.flush();
        String[] arrays = RecordRef.arrays(records);
        return trail.accessesOf(records);
    }

    private AuditEventView toView(Row row, boolean masked) {
        JsonNode before = parse(row.text("before_state"));
        JsonNode after = parse(row.text("after_state"));
        if (masked) {
            IdentifierMasking.maskTree(before);
            IdentifierMasking.maskTree(after);
        }
        return new AuditEventView(row.uuid("id"), row.timestamp("occurred_at"), row.text("actor"), row.text("client_id"),
                row.text("action"), row.text("record_type"), row.text("record_id"), row.text("unit_path"), before, after,
                row.text("request_id"), row.timestamp("erased_at"));
    }


    private JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit state is not JSON", e);
        }
    }

    private record Cursor(OffsetDateTime at, UUID id) {
        String format() {
            return at.toInstant() + "/" + id;
        }

        static Cursor parse(String key) {
            String[] parts = key.split("/", 2);
            try {
                return new Cursor(java.time.Instant.parse(parts[0]).atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw PageToken.invalid();
            }
        }
    }
}
