package vn.baovetreem.children;

/** Why two records may describe the same child. */
public enum DuplicateReason {
    /** Same name (ignoring diacritics and case) and date of birth, in villages of the same commune. */
    SAME_NAME_AND_BIRTH_DATE,
    /** Same name and a caregiver phone number in common. */
    SAME_NAME_AND_CAREGIVER_PHONE
}
