package vn.baovetreem.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.IdentifierMasking;
import vn.baovetreem.security.Operation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Reads the audit trail, newest first, limited to the caller's scope, with the reads this instance
 * has served written first ({@link ReadTrail#flush}).
 */
@ApplicationScoped
public class AuditService {

    private static final String LIST = "audit-events";

    private final AccessPolicy access;
    private final PagingConfig paging;
    private final ObjectMapper mapper;
    private final ReadTrail reads;
    private final AuditTrail trail;

    AuditService(AccessPolicy access, PagingConfig paging, ObjectMapper mapper, ReadTrail reads, AuditTrail trail) {
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
        AuditTrail.Cursor after = page.afterKey() != null ? AuditTrail.Cursor.parse(page.afterKey()) : null;
        List<AuditTrail.Listed> rows = trail.list(user.scope(), filter, after, page.size() + 1);
        boolean masked = IdentifierMasking.appliesTo(user);
        List<AuditEventView> events = rows.stream().map(row -> toView(row, masked)).toList();
        return Page.fromOverfetch(events, page.size(),
                last -> PageToken.encode(LIST, filter.fingerprint(), new AuditTrail.Cursor(last.occurredAt(), last.id()).format()));
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
        return trail.accessesOf(records);
    }

    private AuditEventView toView(AuditTrail.Listed event, boolean masked) {
        JsonNode before = parse(event.before());
        JsonNode after = parse(event.after());
        if (masked) {
            IdentifierMasking.maskTree(before);
            IdentifierMasking.maskTree(after);
        }
        return new AuditEventView(event.id(), event.occurredAt(), event.actor(), event.clientId(), event.action(), event.recordType(),
                event.recordId(), event.unitPath(), before, after, event.requestId(), event.erasedAt());
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
}
