package vn.baovetreem.common.error;

import java.util.Collection;
import java.util.List;

/**
 * An error the API reports on purpose. Each subtype knows its HTTP status and its stable
 * problem code; {@link ProblemMappers} turns every one into an RFC 9457 problem response.
 */
public abstract sealed class ApiException extends RuntimeException
        permits ApiException.BadRequest, ApiException.Forbidden, ApiException.NotFound, ApiException.Gone, ApiException.Conflict,
        ApiException.PreconditionFailed, ApiException.PreconditionRequired, ApiException.Unprocessable, ApiException.FailedDependency,
        ApiException.TooManyRequests, ApiException.ServiceUnavailable {

    private final ProblemCode code;
    private final transient List<Violation> violations;
    private final Long retryAfterSeconds;

    protected ApiException(ProblemCode code, String detail, List<Violation> violations) {
        this(code, detail, violations, null);
    }

    private ApiException(ProblemCode code, String detail, List<Violation> violations, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = code;
        this.violations = List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public abstract int status();

    public abstract String title();

    /** Stable machine-readable code, part of the contract. */
    public ProblemCode code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Seconds after which the same request may succeed ({@code Retry-After}); null when a retry will not help. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 400: the request is malformed or a value is invalid. */
    public static final class BadRequest extends ApiException {
        public BadRequest(ProblemCode code, String detail) {
            this(code, detail, List.of());
        }

        public BadRequest(ProblemCode code, String detail, List<Violation> violations) {
            super(code, detail, violations);
        }

        public static BadRequest field(ProblemCode code, String field, String message) {
            return new BadRequest(code, message, List.of(new Violation(field, message)));
        }

        @Override public int status() { return 400; }
        @Override public String title() { return "Bad request"; }
    }

    /** 403: the caller is known but may not do this. */
    public static final class Forbidden extends ApiException {
        public Forbidden(ProblemCode code, String detail) {
            super(code, detail, List.of());
        }

        @Override public int status() { return 403; }
        @Override public String title() { return "Forbidden"; }
    }

    /** 404: missing, or outside the caller's scope; the two are indistinguishable on purpose. */
    public static final class NotFound extends ApiException {
        public NotFound(String recordType, String id) {
            super(ProblemCode.NOT_FOUND, recordType + " '" + id + "' was not found.", List.of());
        }

        @Override public int status() { return 404; }
        @Override public String title() { return "Not found"; }
    }

    /** 410: what the request names existed once and is no longer kept (a change-feed token older than the kept history). */
    public static final class Gone extends ApiException {
        public Gone(ProblemCode code, String detail) {
            super(code, detail, List.of());
        }

        @Override public int status() { return 410; }
        @Override public String title() { return "Gone"; }
    }

    /**
     * 409: the request conflicts with the current state of the record, or with another record;
     * {@code existing} then names that record's path when the caller may see it.
     */
    public static final class Conflict extends ApiException {
        private final String existing;
        private final transient List<String> allowedActions;

        public Conflict(ProblemCode code, String detail) {
            this(code, detail, null);
        }

        public Conflict(ProblemCode code, String detail, String existing) {
            this(code, detail, existing, List.of());
        }

        private Conflict(ProblemCode code, String detail, String existing, List<String> allowedActions) {
            super(code, detail, List.of());
            this.existing = existing;
            this.allowedActions = List.copyOf(allowedActions);
        }

        /** 409 {@code INVALID_TRANSITION}: {@code action} is not possible now; {@code allowed} are. */
        public static Conflict invalidTransition(String state, Object action, Collection<?> allowed) {
            List<String> names = allowed.stream().map(String::valueOf).toList();
            return new Conflict(ProblemCode.INVALID_TRANSITION, "A record that is " + state + " cannot take " + action
                    + "; allowed now: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ".", null, names);
        }

        /** Path of the conflicting record the caller may read, or null. */
        public String existing() {
            return existing;
        }

        /** For an invalid transition, the actions the caller may take now. */
        public List<String> allowedActions() {
            return allowedActions;
        }

        @Override public int status() { return 409; }
        @Override public String title() { return "Conflict"; }
    }

    /** 412: the If-Match header names a version that is no longer current. */
    public static final class PreconditionFailed extends ApiException {
        private final String currentEtag;

        public PreconditionFailed(String detail) {
            this(detail, null);
        }

        /** With the ETag the record has now, sent as the answer's {@code ETag} so that a client can show both versions. */
        public PreconditionFailed(String detail, String currentEtag) {
            super(ProblemCode.PRECONDITION_FAILED, detail, List.of());
            this.currentEtag = currentEtag;
        }

        /** The record's ETag now, or null when there is no record to name. */
        public String currentEtag() {
            return currentEtag;
        }

        @Override public int status() { return 412; }
        @Override public String title() { return "Precondition failed"; }
    }

    /** 428: a change was sent without If-Match. */
    public static final class PreconditionRequired extends ApiException {
        public PreconditionRequired(String detail) {
            super(ProblemCode.PRECONDITION_REQUIRED, detail, List.of());
        }

        @Override public int status() { return 428; }
        @Override public String title() { return "Precondition required"; }
    }

    /** 422: well-formed but cannot be processed, such as a reused Idempotency-Key with another body. */
    public static final class Unprocessable extends ApiException {
        public Unprocessable(ProblemCode code, String detail) {
            super(code, detail, List.of());
        }

        @Override public int status() { return 422; }
        @Override public String title() { return "Unprocessable content"; }
    }

    /** 424: an operation of a batch names the record of an earlier operation that failed. */
    public static final class FailedDependency extends ApiException {
        public FailedDependency(ProblemCode code, String detail) {
            super(code, detail, List.of());
        }

        @Override public int status() { return 424; }
        @Override public String title() { return "Failed dependency"; }
    }

    /** 429: the caller has used up an allowance; {@code retryAfterSeconds} says when it is back. */
    public static final class TooManyRequests extends ApiException {
        public TooManyRequests(ProblemCode code, String detail, long retryAfterSeconds) {
            super(code, detail, List.of(), retryAfterSeconds);
        }

        @Override public int status() { return 429; }
        @Override public String title() { return "Too many requests"; }
    }

    /** 503: the service cannot answer now (its database or Keycloak is out of reach, or it is too busy); a retry after {@code retryAfterSeconds} may succeed. */
    public static final class ServiceUnavailable extends ApiException {
        /**
         * Seconds a client should wait before retrying when the service is too busy: every
         * connection in use, a statement over its time limit, or a limited share at its limit.
         */
        public static final long BUSY_RETRY_AFTER_SECONDS = 5;

        public ServiceUnavailable(ProblemCode code, String detail, long retryAfterSeconds) {
            super(code, detail, List.of(), retryAfterSeconds);
        }

        /** 503 {@code SERVICE_BUSY}: {@code detail} says what is full; a retry after a few seconds may succeed. */
        public static ServiceUnavailable busy(String detail) {
            return new ServiceUnavailable(ProblemCode.SERVICE_BUSY, detail + " Retry in a few seconds.", BUSY_RETRY_AFTER_SECONDS);
        }

        @Override public int status() { return 503; }
        @Override public String title() { return "Service unavailable"; }
    }
}
