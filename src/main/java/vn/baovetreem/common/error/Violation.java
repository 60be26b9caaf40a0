package vn.baovetreem.common.error;

/** One field-level problem: the JSON path of the field (or query parameter) and a readable message. */
public record Violation(String field, String message) {
}
