package vn.baovetreem.common.error;

/**
 * Every stable code a problem response carries (the {@code code} of schema {@code Problem}), part
 * of the contract: clients branch on these, never on {@code detail}. Every {@link ApiException}
 * and error mapper takes one. {@code ProblemCodesDocumentedTest} checks that the contract names
 * each, and that the service answers each. A problem of an HTTP status no code stands for (a 411
 * from the HTTP layer) carries {@code HTTP_<status>} instead ({@link Problem#ofStatus}).
 */
public enum ProblemCode {

    // 400: the request or a value in it.
    VALIDATION_FAILED,
    MALFORMED_JSON,
    UNKNOWN_FIELD,
    INVALID_VALUE,
    INVALID_TEXT,
    INVALID_PARAMETER,
    INVALID_DATE,
    INVALID_PAGE_SIZE,
    INVALID_PAGE_TOKEN,
    INVALID_IDEMPOTENCY_KEY,
    VALUE_TOO_LONG,
    VALUE_OUT_OF_RANGE,
    INVALID_PARENT,
    INVALID_SUCCESSOR,
    UNIT_NOT_IN_FORCE,
    PERIOD_NOT_IN_DHIS2,
    BATCH_OPERATION_NOT_ALLOWED,
    BATCH_UNKNOWN_REFERENCE,
    // 400: an uploaded file.
    EMPTY_FILE,
    UNREADABLE_FILE,
    NOT_A_WORKBOOK,
    NOT_UTF8,
    NOT_JSON_LINES,
    UNKNOWN_OR_MISSING_COLUMNS,

    // 401 and 403: who the caller is and what they may do.
    UNAUTHENTICATED,
    ROLE_NOT_ALLOWED,
    FILTER_NOT_ALLOWED,
    NOT_HANDLING_COMMUNE,
    PLAN_NOT_VISIBLE,
    TARGET_SET_BY_DISTRICT,
    TARGET_SET_BY_COMMUNE,
    UNIT_MISSING,
    UNIT_UNKNOWN,
    UNIT_RETIRED,
    UNIT_LEVEL_MISMATCH,
    UNIT_LEVEL_NOT_ALLOWED,

    // 404, 405, 406, 410, 413, 415: the resource and the exchange.
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    SYNC_TOKEN_EXPIRED,
    SYNC_SCOPE_CHANGED,
    BODY_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,

    // 409: the state of the records.
    INVALID_TRANSITION,
    CONFLICT,
    CONCURRENT_CHANGE,
    REFERENCE_CONFLICT,
    PERSONAL_ID_TAKEN,
    EXTERNAL_REF_TAKEN,
    UNIT_CODE_TAKEN,
    UNIT_ALREADY_RETIRED,
    UNIT_WOULD_BE_LEFT_NOWHERE,
    CHILD_MERGED,
    CHILD_ANONYMISED,
    EPISODE_OVERLAP,
    EPISODE_ALREADY_ENDED,
    TOO_MANY_EPISODES,
    CONSENT_ALREADY_WITHDRAWN,
    TOO_MANY_CONSENTS,
    CASE_NOT_ESCALATED,
    PLAN_NOT_EDITABLE,
    PLAN_EXISTS,
    PLAN_CLOSED,
    NOT_A_MANUAL_TARGET,
    RATE_EXISTS,
    REPORT_EXISTS,
    REPORT_NOT_EDITABLE,
    REPORTING_PERIOD_OPEN,
    IDEMPOTENCY_KEY_IN_USE,

    // 412, 422, 424, 428: versions, keys and batches.
    PRECONDITION_FAILED,
    PRECONDITION_REQUIRED,
    IDEMPOTENCY_KEY_REUSED,
    BATCH_DEPENDENCY_FAILED,

    // 429, 500, 503: load and outages.
    TOO_MANY_PROBES,
    SERVICE_BUSY,
    INTERNAL_ERROR,
    DATABASE_UNAVAILABLE,
    IDENTITY_PROVIDER_UNAVAILABLE
}
