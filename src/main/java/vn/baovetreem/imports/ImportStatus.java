package vn.baovetreem.imports;

public enum ImportStatus { QUEUED, RUNNING, SUCCEEDED, FAILED }
