/**
 * Annual commune plans and their targets (set by the commune, or by the district, which the
 * commune cannot change), each measured by an indicator of the catalogue or by values the commune
 * reports, and their progress computed from live data on any day or over a named period. The
 * periodic reports that carry this progress upward live in {@code reports}.
 */
package vn.baovetreem.plans;
