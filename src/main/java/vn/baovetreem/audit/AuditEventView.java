package vn.baovetreem.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One audit event as the API shows it (schema {@code AuditEvent}); {@code erasedAt} says when the
 * retention rule erased its states.
 */
public record AuditEventView(UUID id, OffsetDateTime occurredAt, String actor, String clientId, String action,
                             String recordType, String recordId, String unitPath, JsonNode before, JsonNode after,
                             String requestId, OffsetDateTime erasedAt) {
}
