package vn.baovetreem.imports;

/** What a file holds: so far the children registry; circumstances and interventions come next. */
public enum ImportKind { CHILDREN }
