package vn.baovetreem.sync;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Deletes the changes older than {@code cp.changes.keep-for} each night, with the retention rule
 * ({@code cp.retention.schedule}). A client whose token is older seeds its copy again (410).
 * Several instances may prune together: the deletes of the same rows simply wait for each other.
 */
@ApplicationScoped
class ChangeLogPruning {

    private static final Logger LOG = Logger.getLogger(ChangeLogPruning.class);

    @ConfigMapping(prefix = "cp.changes")
    interface Config {
        /** How long the change feed keeps a change: the longest a copy may stay offline without a new seed. */
        @WithDefault("P90D")
        Period keepFor();
    }

    private final ChangeLogRepository log;
    private final Config config;
    private final Clock clock;

    ChangeLogPruning(ChangeLogRepository log, Config config, Clock clock) {
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "change-log-pruning", cron = "{cp.retention.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int deleted = log.prune(clock.instant().atZone(ZoneOffset.UTC).minus(config.keepFor()).toInstant());
        LOG.infof("Change feed: %d changes older than %s deleted", deleted, config.keepFor());
    }
}
