/**
 * Bulk imports, run as jobs stored in PostgreSQL: files of children, of special-circumstance and
 * risk spans, or of supports (CSV, JSON Lines or XLSX), created or upserted. Each file is read with
 * the headers its officer typed (aliases in {@code Columns}), every problem of every row is checked
 * with the registry's own rules and reported under the file's own column names, in Vietnamese or
 * English; the rows are then written all or nothing (or only the good ones) with {@code COPY}.
 * Jobs are claimed by any instance, keep a heartbeat, are fenced by attempt and requeued after a
 * fault of the service; templates carry the code lists.
 */
package vn.baovetreem.imports;
