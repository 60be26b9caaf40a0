/**
 * Prevention registers: drowning-hazard sites with their mitigation measures and inspection log
 * (a measure's state on any date comes from its dated history, so "not mitigated before summer"
 * can be asked of any year); households with their yearly safe-home assessments against the
 * checklist of QĐ 548/QĐ-LĐTBXH; and the awareness activities a commune holds.
 */
package vn.baovetreem.prevention;
