/**
 * Interventions: each support service a child receives (optionally within a case), group
 * activities recorded for many children at once, the social allowance checked against the
 * standard rate and Decree 20/2021 coefficients, coverage of children in special circumstances,
 * and the funding summary of a plan's budget section. Also here: the checks and bulk writes of
 * imported supports ({@link vn.baovetreem.interventions.InterventionImport}), a support's part in a
 * merge of duplicate children and in a personal-data report or erasure.
 */
package vn.baovetreem.interventions;
