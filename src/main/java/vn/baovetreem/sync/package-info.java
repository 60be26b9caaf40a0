/**
 * Offline copies kept in step: the change feed ({@code GET /changes}) and the seed that starts a
 * copy ({@code GET /sync/seed}). Triggers on the records' tables write every change into
 * {@code change_log} in the transaction of the change (changelog 032); {@link vn.baovetreem.sync.ChangeLogRepository}
 * reads it in transaction order up to the oldest transaction still running, so a late commit is
 * never skipped; {@link vn.baovetreem.sync.ChangeFeed} turns each row into the record as the
 * caller may see it now, or a tombstone. See docs/sync.md and ADR 0018.
 */
package vn.baovetreem.sync;
