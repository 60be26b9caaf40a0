/**
 * The periodic reports communes send to the district (6-month and annual), their reporting
 * periods, and the snapshot each submission freezes.
 */
package vn.baovetreem.reports;
