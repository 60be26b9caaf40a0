/**
 * Bulk imports run as jobs stored in PostgreSQL: a file of children (CSV, JSON Lines) checked
 * row by row with the registry's own rules, written all or nothing (or only its good rows), with
 * a row-level error report and templates that carry the code lists.
 */
package vn.baovetreem.imports;
