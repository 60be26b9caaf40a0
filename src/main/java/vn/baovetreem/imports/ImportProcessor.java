package vn.baovetreem.imports;

import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.DatabaseErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Role;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Runs one claimed job, acting for the person who started it with the roles and unit their token
 * carried when they sent the file (stored with the job), within the area that unit covers now. A problem of the file fails the job; a fault of the service (the database out of reach, an
 * unexpected error) puts it back in the queue to run again a little later, and fails it, saying
 * to send the file again, after its last attempt.
 */
@ApplicationScoped
class ImportProcessor {

    private static final Logger LOG = Logger.getLogger(ImportProcessor.class);
    /** The wait before a run stopped by a fault of the service is tried again, times the attempt. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(10);

    private final ImportJobs jobs;
    private final ImportPasses passes;
    private final KindFiles files;
    private final CurrentUser currentUser;
    private final UnitDirectory units;
    private final Clock clock;

    ImportProcessor(ImportJobs jobs, ImportPasses passes, KindFiles files, CurrentUser currentUser, UnitDirectory units, Clock clock) {
        this.jobs = jobs;
        this.passes = passes;
        this.files = files;
        this.currentUser = currentUser;
        this.units = units;
        this.clock = clock;
    }

    @ActivateRequestContext
    void process(ImportJobs.Claim claim) {
        try {
            ImportJobs.Job job = jobs.find(claim.id()).orElseThrow();
            CurrentUser.Resolved user = actor(job);
            currentUser.actAs(user);
            KindFile<?> file = files.of(job.kind());
            ImportPasses.Checked checked = passes.check(file, job, claim, user.scope());
            int invalid = checked.invalid().size();
            if (checked.read() == 0) {
                fail(claim, "The file has no rows.");
            } else if (invalid > 0 && !job.allowPartial()) {
                fail(claim, invalid + " of " + checked.read() + " rows have problems (see the errors); nothing was written.");
            } else if (job.dryRun()) {
                jobs.finish(claim, ImportStatus.SUCCEEDED, "Dry run: " + (checked.read() - invalid) + " rows would be written, "
                        + invalid + " have problems; nothing was written.", clock.instant());
            } else {
                passes.write(file, job, claim, user.scope(), checked);
            }
        } catch (RowReader.NotUtf8 | RowReader.Malformed e) {
            fail(claim, e.getMessage() + " Nothing was written.");
        } catch (ImportPasses.RegistryChanged e) {
            fail(claim, e.getMessage());
        } catch (ImportJobs.TakenOver e) {
            LOG.warn(e.getMessage() + "; its writes were rolled back");
        } catch (IOException | RuntimeException e) {
            var refused = DatabaseErrors.problemFor(e).filter(p -> !(p instanceof ApiException.ServiceUnavailable));
            if (refused.isPresent()) {
                // A concurrent change of the registry (a personal ID taken meanwhile) or a value it cannot hold.
                LOG.infof("Import %s refused by the database: %s", claim.id(), DatabaseErrors.describe(e));
                fail(claim, "The registry refused a row (" + refused.get().code() + ": " + refused.get().getMessage()
                        + "); nothing was written. Run the import again.");
            } else {
                LOG.errorf(DatabaseErrors.loggable(e), "Import %s attempt %d stopped on a fault of the service; it will be tried again",
                        claim.id(), claim.attempt());
                retryLater(claim);
            }
        }
    }

    private void fail(ImportJobs.Claim claim, String message) {
        jobs.finish(claim, ImportStatus.FAILED, message, clock.instant());
    }

    /** When the database is still out of reach, the heartbeat stops and the queue's sweep requeues the job later. */
    private void retryLater(ImportJobs.Claim claim) {
        try {
            jobs.retryLater(claim, RETRY_DELAY.multipliedBy(claim.attempt()), clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("Import %s could not be put back in the queue now (%s); it will be once its heartbeat is stale",
                    claim.id(), DatabaseErrors.describe(e));
        }
    }

    private CurrentUser.Resolved actor(ImportJobs.Job job) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(job.roles().split(",")).filter(r -> !r.isBlank()).forEach(r -> roles.add(Role.valueOf(r)));
        UnitDirectory.UnitSummary unit = job.unitCode() == null ? null : units.find(job.unitCode()).orElse(null);
        return new CurrentUser.Resolved(job.subject(), job.username(), job.clientId(), roles, unit,
                currentUser.scopeOf(roles, job.unitCode()));
    }
}
