/**
 * Prevention registers: drowning-hazard sites with their mitigation measures and inspection log.
 * A measure's state on any date comes from its dated history, so "not mitigated before summer" can
 * be asked of any year.
 */
package vn.baovetreem.prevention;
