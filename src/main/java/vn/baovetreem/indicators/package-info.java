/**
 * Indicators: the Circular 13/2021 catalogue as data, values computed in SQL from the records for
 * any unit and period with their numerators and denominators, unit facts the records cannot
 * answer, and the exports for the district aggregation system (JSON, CSV, XLSX, DHIS2). The SQL of
 * each indicator lives in {@code indicators/definitions.yaml} ({@link vn.baovetreem.indicators.IndicatorDefinitions},
 * checked against the catalogue at start-up); values computed are kept until a write they read
 * commits ({@link vn.baovetreem.indicators.KeptValues}, {@link vn.baovetreem.indicators.IndicatorInputs}),
 * and after writes in some of a unit's parts only those are counted again, from counts by part kept
 * in memory and in PostgreSQL ({@link vn.baovetreem.indicators.TallyRepository}).
 */
package vn.baovetreem.indicators;
