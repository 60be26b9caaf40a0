/**
 * Interventions: each support service a child receives (optionally within a case), group
 * activities recorded for many children at once, the social allowance checked against the
 * standard rate and Decree 20/2021 coefficients, coverage of children in special circumstances,
 * and the funding summary of a plan's budget section.
 */
package vn.baovetreem.interventions;
