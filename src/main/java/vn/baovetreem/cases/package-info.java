/**
 * Cases: reports of abused, injured or at-risk children and their handling under Decree 56/2017
 * (assessment, emergency protection, separation, conference, plan, approval, review, closure),
 * with deadlines on the working-day calendar, an append-only timeline and a confidential reporter.
 */
package vn.baovetreem.cases;
