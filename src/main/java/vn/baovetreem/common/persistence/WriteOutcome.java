package vn.baovetreem.common.persistence;

/** What writing one row of an import did to the registry. */
public enum WriteOutcome { CREATED, UPDATED, UNCHANGED }
