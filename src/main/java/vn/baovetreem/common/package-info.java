/**
 * What every feature shares: the service's clock and time zone ({@link vn.baovetreem.common.TimeConfig}),
 * the problem-details error shape, its codes ({@link vn.baovetreem.common.error.ProblemCode}), the
 * collector of field problems ({@link vn.baovetreem.common.error.Violations}) and the mapping of
 * every failure to it ({@code error}), HTTP
 * concerns such as request ids, ETags, Idempotency-Key, merge patches, strict JSON, body-size
 * limits and the shares of heavy work ({@code http}), cursor pagination with signed tokens
 * ({@code paging}), what talks to PostgreSQL below the repositories: rows of native queries read by
 * column name ({@link vn.baovetreem.common.persistence.Row}), {@code COPY}, record locks, records
 * placed in a unit ({@link vn.baovetreem.common.persistence.Placed}),
 * statement and pool limits ({@code persistence}), and Vietnamese text: folding, CSV, messages in
 * Vietnamese or English ({@code text}).
 */
package vn.baovetreem.common;
