/**
 * Indicators: the Circular 13/2021 catalogue as data, values computed in SQL from the records for
 * any unit and period with their numerators and denominators, unit facts the records cannot
 * answer, and the exports for the district aggregation system (JSON, CSV, XLSX, DHIS2).
 */
package vn.baovetreem.indicators;
