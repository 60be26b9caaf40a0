/**
 * The append-only audit trail (nhật ký): every change records who (user and client), when, the
 * operation, the record, its state before and after, and the request id; sensitive reads are
 * recorded too. PostgreSQL refuses updates and deletes of the table. Queryable in scope.
 * {@link vn.baovetreem.audit.Edits} is the one path of an edit to a record (merge patch, validation,
 * the change written and audited, the versioned answer), shared by every feature.
 */
package vn.baovetreem.audit;
