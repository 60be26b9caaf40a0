package vn.baovetreem.cases;

/** What a report is about; each type carries its own descriptive fields. */
public enum CaseType {
    ABUSE, INJURY, AT_RISK
}
