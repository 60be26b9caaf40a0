package vn.baovetreem.common;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.DatabaseErrors;
import vn.baovetreem.common.error.ProblemCode;

import java.sql.BatchUpdateException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseErrorsTest {

    /** A failure as PostgreSQL reports it, with a detail that quotes the row's value. */
    private static PSQLException failure(String state, String constraint) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + state + "\0Mduplicate key value\0"
                + "DKey (personal_id)=(020215091948) already exists.\0" + (constraint == null ? "" : "n" + constraint + "\0")));
    }

    @Test
    void aLostUniquenessRaceIsTheProblemOfThePreCheck() {
        Throwable wrapped = new RuntimeException(new ConstraintViolationException("insert", failure("23505", "child_personal_id_uk"),
                "child_personal_id_uk"));
        ApiException problem = DatabaseErrors.problemFor(wrapped).orElseThrow();
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.code()).isEqualTo(ProblemCode.PERSONAL_ID_TAKEN);
        assertThat(problem.getMessage()).doesNotContain("020215091948");
        assertThat(DatabaseErrors.problemFor(failure("23505", "some_new_uk")).orElseThrow().code()).isEqualTo(ProblemCode.CONFLICT);
        assertThat(DatabaseErrors.problemFor(failure("23P01", "child_episode_no_overlap")).orElseThrow().code()).isEqualTo(ProblemCode.EPISODE_OVERLAP);
    }

    @Test
    void aFailedBatchIsJudgedByTheFailureOfItsStatement() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", new int[0]);
        batch.setNextException(failure("23505", "plan_commune_year_uk"));
        assertThat(DatabaseErrors.problemFor(batch).orElseThrow().code()).isEqualTo(ProblemCode.PLAN_EXISTS);
    }

    @Test
    void valuesTheRegistryCannotHoldAreBadRequests() {
        assertThat(DatabaseErrors.problemFor(failure("22003", null)).orElseThrow().status()).isEqualTo(400);
        assertThat(DatabaseErrors.problemFor(failure("22021", null)).orElseThrow().code()).isEqualTo(ProblemCode.INVALID_TEXT);
        assertThat(DatabaseErrors.problemFor(failure("42P01", null))).isEmpty();
        assertThat(DatabaseErrors.problemFor(new IllegalStateException("not the database"))).isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsAServiceUnavailableWorthRetrying() {
        for (String state : new String[]{"08001", "08006", "57P01", "57P03", "53300"}) {
            ApiException problem = DatabaseErrors.problemFor(new RuntimeException(failure(state, null))).orElseThrow();
            assertThat(problem.status()).as(state).isEqualTo(503);
            assertThat(problem.code()).isEqualTo(ProblemCode.DATABASE_UNAVAILABLE);
            assertThat(problem.retryAfterSeconds()).isPositive();
        }
        assertThat(DatabaseErrors.problemFor(failure("23505", null)).orElseThrow().retryAfterSeconds()).isNull();
    }

    @Test
    void aCommitThatLostItsDatabaseIsAServiceUnavailableThoughTheFailureIsOnlySuppressed() {
        // As Narayana reports it: the rollback, with the driver's failure attached as suppressed.
        Exception commit = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new RuntimeException("Error trying to transactionCommit local transaction", failure("08006", null)));
        assertThat(DatabaseErrors.problemFor(new RuntimeException(commit)).orElseThrow().code()).isEqualTo(ProblemCode.DATABASE_UNAVAILABLE);
        assertThat(DatabaseErrors.describe(commit)).contains("SQLSTATE 08006");
    }

    @Test
    void theLogSeesClassesStatesAndConstraintsButNoValue() {
        Throwable wrapped = new RuntimeException("could not execute statement [insert ... values ('Nguyễn Văn A')]",
                failure("23505", "child_personal_id_uk"));
        Throwable loggable = DatabaseErrors.loggable(wrapped);
        assertThat(loggable.getMessage()).contains("23505", "child_personal_id_uk").doesNotContain("Nguyễn", "020215091948");
        assertThat(loggable.getCause()).isNull();
        assertThat(loggable.getStackTrace()).isEqualTo(wrapped.getStackTrace());
        IllegalStateException unrelated = new IllegalStateException("a bug");
        assertThat(DatabaseErrors.loggable(unrelated)).isSameAs(unrelated);
    }
}
