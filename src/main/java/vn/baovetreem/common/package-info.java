/**
 * What every feature shares: the problem-details error shape ({@code error}), HTTP concerns such as
 * request ids, ETags, Idempotency-Key and the body-size limit ({@code http}), cursor pagination
 * ({@code paging}) and Vietnamese text handling ({@code text}).
 */
package vn.baovetreem.common;
