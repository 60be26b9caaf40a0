/**
 * Offline copies kept in step, and systems told of changes.
 * <ul>
 *   <li>Pull: the seed that starts a copy ({@code GET /sync/seed}) and the change feed
 *   ({@code GET /changes}). Triggers on the records' tables write every change into
 *   {@code change_log} in the transaction of the change (changelog 032);
 *   {@link vn.baovetreem.sync.ChangeLogRepository} reads it in transaction order up to the oldest
 *   transaction still running, so a late commit is never skipped; {@link vn.baovetreem.sync.ChangeFeed}
 *   turns each row into the record as the caller may see it now, or a tombstone.</li>
 *   <li>Offline writes: {@link vn.baovetreem.sync.SyncBatches} applies a batch of operations as the
 *   requests they stand for ({@code POST /sync/batch}).</li>
 *   <li>Push: {@link vn.baovetreem.sync.Webhooks} registers receivers and
 *   {@link vn.baovetreem.sync.WebhookDispatcher} posts them signed CloudEvents of the changes and
 *   of Decree 56 deadlines, off the request path.</li>
 * </ul>
 * See docs/sync.md and ADR 0018.
 */
package vn.baovetreem.sync;
