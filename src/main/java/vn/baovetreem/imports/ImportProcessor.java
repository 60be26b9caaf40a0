package vn.baovetreem.imports;

import vn.baovetreem.common.error.DatabaseErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Role;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Runs one claimed job, acting for the person who started it (their roles and area as they are now). */
@ApplicationScoped
class ImportProcessor {

    private static final Logger LOG = Logger.getLogger(ImportProcessor.class);

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
    void process(UUID id) {
        ImportJobs.Job job = jobs.find(id).orElseThrow();
        try {
            CurrentUser.Resolved user = actor(job);
            currentUser.actAs(user);
            KindFile<?> file = files.of(job.kind());
            ImportPasses.Checked checked = passes.check(file, job, user.scope());
            int invalid = checked.invalid().size();
            if (checked.read() == 0) {
                jobs.finish(id, ImportStatus.FAILED, "The file has no rows.", clock.instant());
            } else if (invalid > 0 && !job.allowPartial()) {
                jobs.finish(id, ImportStatus.FAILED, invalid + " of " + checked.read()
                        + " rows have problems (see the errors); nothing was written.", clock.instant());
            } else if (job.dryRun()) {
                jobs.finish(id, ImportStatus.SUCCEEDED, "Dry run: " + (checked.read() - invalid) + " rows would be written, "
                        + invalid + " have problems; nothing was written.", clock.instant());
            } else {
                ImportPasses.Written written = passes.write(file, job, user.scope(), checked);
                jobs.finish(id, ImportStatus.SUCCEEDED, written.created() + " created, " + written.updated() + " updated, "
                        + written.unchanged() + " unchanged" + (invalid > 0 ? ", " + invalid + " rows with problems left out." : "."),
                        clock.instant());
            }
        } catch (RowReader.NotUtf8 | RowReader.Malformed e) {
            jobs.finish(id, ImportStatus.FAILED, e.getMessage() + " Nothing was written.", clock.instant());
        } catch (ImportPasses.RegistryChanged e) {
            jobs.finish(id, ImportStatus.FAILED, e.getMessage(), clock.instant());
        } catch (IOException | RuntimeException e) {
            var refused = DatabaseErrors.problemFor(e);
            if (refused.isPresent()) {
                // A concurrent change of the registry (a personal ID taken meanwhile) or a value it cannot hold.
                LOG.infof("Import %s refused by the database: %s", id, DatabaseErrors.describe(e));
                jobs.finish(id, ImportStatus.FAILED, "The registry refused a row (" + refused.get().code() + ": "
                        + refused.get().getMessage() + "); nothing was written. Run the import again.", clock.instant());
            } else {
                LOG.errorf(DatabaseErrors.loggable(e), "Import %s failed", id);
                jobs.finish(id, ImportStatus.FAILED, "The import stopped on an unexpected error; nothing was written.", clock.instant());
            }
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
