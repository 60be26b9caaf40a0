/**
 * Annual commune plans, their targets and progress measured from live data, and the periodic
 * reports communes send to the district with a frozen snapshot of indicator values and progress.
 */
package vn.baovetreem.plans;
