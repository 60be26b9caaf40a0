package vn.baovetreem.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.http.MergePatch;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.persistence.Placed;
import vn.baovetreem.common.persistence.Recorded;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one path of an edit to a record, shared by every feature: the merge patch read as the whole
 * record it makes and validated ({@link #patched}), then the change written, audited with the
 * record's view before and after, and answered with its new version ({@link #update}). What lies
 * between the two (the feature's own rules) and before them (the lock in scope and the
 * {@code If-Match} check) stays with the feature.
 */
@ApplicationScoped
public class Edits {

    private final ObjectMapper mapper;
    private final RequestValidator validator;
    private final AuditTrail audit;
    private final EntityManager em;

    Edits(ObjectMapper mapper, RequestValidator validator, AuditTrail audit, EntityManager em) {
        this.mapper = mapper;
        this.validator = validator;
        this.audit = audit;
        this.em = em;
    }

    /**
     * {@code current} (the editable fields as a request states them) with the merge patch applied,
     * read as {@code type} and validated: 400 names every field the result breaks. A patch is
     * checked as the whole record it makes, so a field it leaves alone can still be reported.
     */
    public <T> T patched(Object current, JsonNode patch, Class<T> type) throws JsonProcessingException {
        T result = mapper.treeToValue(MergePatch.apply(mapper.valueToTree(current), patch), type);
        validator.validate(result);
        return result;
    }

    /**
     * Applies {@code change} to {@code record}, which the caller has locked, matched to its ETag and
     * checked; writes it at once (so that the database's own rules answer here), records the
     * {@code UPDATE} audit event with the record's view before and after, and answers the view
     * after with the new version.
     */
    public <R extends Recorded & Placed, V> Versioned<V> update(String recordType, R record, Function<R, V> view, Consumer<R> change) {
        return update(new AuditedAs("UPDATE", recordType, record.id().toString(), record.unitPath()), record, view, change);
    }

    /**
     * As {@link #update(String, Recorded, Function, Consumer)}, for a part of a record (a plan's
     * target) whose audit event is filed as {@code as} says: under the record it belongs to.
     */
    public <R extends Recorded, V> Versioned<V> update(AuditedAs as, R record, Function<R, V> view, Consumer<R> change) {
        V before = view.apply(record);
        change.accept(record);
        em.flush();
        V after = view.apply(record);
        audit.record(as.action(), as.recordType(), as.recordId(), as.unitPath(), before, after);
        return new Versioned<>(after, record.version());
    }

    /** The audit event an edit is recorded as: its action and the record it is filed under. */
    public record AuditedAs(String action, String recordType, String recordId, String unitPath) {
    }
}
