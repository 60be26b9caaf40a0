package vn.baovetreem.imports;

/** Create only (a row whose key is registered already is an error), or create and update matched records. */
public enum ImportMode { CREATE, UPSERT }
