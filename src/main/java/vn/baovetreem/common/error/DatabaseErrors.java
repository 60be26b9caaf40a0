package vn.baovetreem.common.error;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one mapping from a failure the database reports to the problem the caller gets. The checks
 * in the services run first and give the precise answer; the database's constraints are the last
 * line of defence when two requests race past those checks, or when a value slips through, and
 * their violation becomes the same problem (same code, same field) the check gives, never a 500.
 * <p>
 * Nothing of the database's message reaches the caller or this class's callers: not the SQL, not
 * the constraint's {@code Detail} (which quotes the conflicting values), only the constraint's
 * name and the SQLSTATE, read from their own fields.
 */
public final class DatabaseErrors {

    /**
     * Uniqueness and exclusion constraints by name, and the problem their pre-check gives. A
     * constraint not named here still answers 409 {@code CONFLICT}.
     */
    private static final Map<String, Supplier<ApiException>> CONSTRAINTS = Map.of(
            "child_personal_id_uk", conflict(ProblemCode.PERSONAL_ID_TAKEN, "Another record has this personal identification number."),
            "child_external_ref_uk", conflict(ProblemCode.EXTERNAL_REF_TAKEN, "Another record has this external reference."),
            "admin_unit_code_uk", conflict(ProblemCode.UNIT_CODE_TAKEN, "A unit with this code already exists; codes are never reused."),
            "plan_commune_year_uk", conflict(ProblemCode.PLAN_EXISTS, "The commune has a plan for this year already."),
            "periodic_report_uk", conflict(ProblemCode.REPORT_EXISTS, "The commune has a report for this period already."),
            "household_member_child_uk", () -> ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "childIds",
                    "A child of this household lives in another household already; change that household first."),
            "child_episode_no_overlap", conflict(ProblemCode.EPISODE_OVERLAP, "The child already has a span of this code at that time."),
            "social_assistance_rate_pkey", conflict(ProblemCode.RATE_EXISTS, "A rate already starts on that day; rates are history and are not changed."));

    private DatabaseErrors() {
    }

    /**
     * The problem that {@code failure} (anywhere in its causes) stands for, when the database
     * refused the request's data or lost a race to another request; empty for anything else.
     */
    public static Optional<ApiException> problemFor(Throwable failure) {
        return sqlException(failure).flatMap(DatabaseErrors::classify).map(Supplier::get);
    }

    /**
     * What the log may say of {@code failure} and what led to it ({@link Causes}): exception
     * classes, SQLSTATEs and constraint names, never a message (PostgreSQL's messages quote values
     * and statements).
     */
    public static String describe(Throwable failure) {
        StringBuilder line = new StringBuilder();
        // Suppressed failures too: a failed commit carries the driver's failure only that way.
        for (Throwable t : Causes.of(failure)) {
            if (line.length() >= 2000) {
                break;
            }
            if (!line.isEmpty()) {
                line.append(" <- ");
            }
            line.append(t.getClass().getName());
            if (t instanceof SQLException sql) {
                line.append(" [SQLSTATE ").append(sql.getSQLState());
                constraint(sql).ifPresent(c -> line.append(", constraint ").append(c));
                line.append(']');
                if (sql.getNextException() != null && sql.getNextException() != sql.getCause()) {
                    line.append(" next: ").append(describe(sql.getNextException()));
                }
            }
        }
        return line.toString();
    }

    /**
     * {@code failure} as the log may show it: itself, or, when a database failure is among its
     * causes (their messages quote statements and values), a copy with its stack frames and only
     * {@link #describe} for a message.
     */
    public static Throwable loggable(Throwable failure) {
        if (sqlException(failure).isEmpty()) {
            return failure;
        }
        Throwable withoutValues = new Throwable(describe(failure));
        withoutValues.setStackTrace(failure.getStackTrace());
        return withoutValues;
    }

    /** The first SQL failure among the causes (suppressed ones too); for a failed batch, the failure of its statement. */
    private static Optional<SQLException> sqlException(Throwable failure) {
        for (Throwable t : Causes.of(failure)) {
            if (t instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                return Optional.of(sql instanceof BatchUpdateException && next != null ? next : sql);
            }
        }
        return Optional.empty();
    }

    private static Optional<Supplier<ApiException>> classify(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // The pool's own failure, without a SQLSTATE: no connection came free in time.
            return fromPool(e) ? Optional.of(BUSY) : Optional.empty();
        }
        if (state.startsWith("08")) {
            return Optional.of(UNAVAILABLE);
        }
        return switch (state) {
            // The server shuts down, restarts, is starting or has no connection left.
            case "57P01", "57P02", "57P03", "53300" -> Optional.of(UNAVAILABLE);
            // Cancelled by statement_timeout (DatabaseWaits): the database is too slow just now.
            case "57014" -> Optional.of(BUSY);
            case "23505", "23P01" -> Optional.of(constraint(e).map(CONSTRAINTS::get).orElse(
                    conflict(ProblemCode.CONFLICT, "The request conflicts with another record; read the records again and retry.")));
            case "23503" -> Optional.of(conflict(ProblemCode.REFERENCE_CONFLICT,
                    "A record this request refers to changed or is still referred to; read it again and retry."));
            case "40001", "40P01" -> Optional.of(conflict(ProblemCode.CONCURRENT_CHANGE,
                    "Another request changed the same records at the same time; retry."));
            case "22001" -> Optional.of(bad(ProblemCode.VALUE_TOO_LONG, "A value is longer than the registry stores."));
            case "22003", "22008", "22007", "22P02" -> Optional.of(bad(ProblemCode.VALUE_OUT_OF_RANGE,
                    "A number or date is outside the range the registry stores."));
            case "22021", "22P05", "54000" -> Optional.of(bad(ProblemCode.INVALID_TEXT,
                    "A text holds characters the registry cannot store."));
            case "23514", "23502" -> Optional.of(bad(ProblemCode.VALIDATION_FAILED, "The request breaks a rule of the registry."));
            default -> Optional.empty();
        };
    }

    /** Seconds a client should wait before retrying when the database cannot be reached. */
    static final long RETRY_AFTER_SECONDS = 10;

    private static final Supplier<ApiException> UNAVAILABLE = () -> new ApiException.ServiceUnavailable(ProblemCode.DATABASE_UNAVAILABLE,
            "The service cannot reach its database just now. Retry in a few seconds; a create retried with the same"
            + " Idempotency-Key is never applied twice.", RETRY_AFTER_SECONDS);

    private static final Supplier<ApiException> BUSY = () -> ApiException.ServiceUnavailable.busy(
            "The service is too busy to answer in time just now; nothing was changed.");

    private static boolean fromPool(SQLException e) {
        StackTraceElement[] frames = e.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith("io.agroal.");
    }

    private static Optional<String> constraint(SQLException e) {
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getConstraint() != null) {
                return Optional.of(server.getConstraint());
            }
        }
        return Optional.empty();
    }

    private static Supplier<ApiException> conflict(ProblemCode code, String detail) {
        return () -> new ApiException.Conflict(code, detail);
    }

    private static Supplier<ApiException> bad(ProblemCode code, String detail) {
        return () -> new ApiException.BadRequest(code, detail, List.of());
    }
}
