/**
 * Administrative units (đơn vị hành chính): province → district (optional since 1 July 2025) →
 * commune → village (thôn), effective-dated. A unit's name, kind and parent live in
 * {@link vn.baovetreem.areas.AdminUnitPeriod periods}, each with the materialized {@code ltree} path
 * of that time, so "An Sơn in 2024" and "Yên Phúc in 2026" both resolve, and a merged unit points
 * to its successor. Scopes are built from these paths. Edits place units along their parents'
 * history ({@link vn.baovetreem.areas.Placement}); reads of membership on a date go through the
 * SQL function {@code unit_positions(day)}, where a retired unit stands with its successor (ADR 17).
 */
package vn.baovetreem.areas;
