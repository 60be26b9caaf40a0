package vn.baovetreem.cases;

/** What a timeline entry records. */
public enum CaseEventKind {
    REPORTED, UPDATED, TRANSITION, ASSIGNMENT, NOTE, PLAN_VERSION
}
