package vn.baovetreem.common.persistence;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repositories are the only place that speaks SQL: a class that sends a query, builds a scoped
 * one, sends rows with {@code COPY} or runs a Panache query string is a {@code …Repository}, or one
 * of the few below, each a store or a tool of the repositories under another name.
 */
class SqlPlacementTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/baovetreem");

    /** What sends SQL: JPA and native queries, scoped queries, COPY, raw JDBC work, Panache query strings ({@code x.count("childId", id)}). */
    private static final Pattern SPEAKS_SQL = Pattern.compile(
            "createNativeQuery\\(|createQuery\\(|createNamedQuery\\(|new ScopedQuery\\(|Copy\\.into\\(|getCopyAPI\\("
                    + "|doWork\\(|doReturningWork\\(|\\.(find|list|stream|count|update|delete)\\(\"[a-z][A-Za-z.]*(\\s|\"\\s*,)");

    /** The classes that speak SQL under another name than {@code …Repository}, and why. */
    private static final Map<String, String> ALSO_REPOSITORIES = Map.ofEntries(
            Map.entry("audit/AuditTrail.java", "the repository of audit_event"),
            Map.entry("common/http/IdempotencyRecords.java", "the repository of idempotency_record"),
            Map.entry("imports/ImportJobs.java", "the repository of import_job, its queue and its files"),
            Map.entry("common/paging/PageTokenKey.java", "the repository of the page-token key in server_secret"),
            Map.entry("indicators/IndicatorEngine.java", "runs the indicator SQL of indicators/definitions.yaml"),
            Map.entry("indicators/IndicatorInputs.java", "the repository of the writes indicators read (changelog 035)"),
            Map.entry("security/ScopedQuery.java", "builds the scoped queries repositories send"),
            Map.entry("common/persistence/Copy.java", "COPY, for repositories"),
            Map.entry("common/persistence/CopyTable.java", "a repository's records as rows for COPY"),
            Map.entry("common/persistence/CustomPlans.java", "a setting of a repository's transaction"),
            Map.entry("common/persistence/RecordLocks.java", "advisory locks, for repositories and start-up jobs"),
            Map.entry("common/persistence/Row.java", "reads a repository's rows by column name"),
            Map.entry("common/persistence/JdbcRows.java", "reads a repository's rows by position with JDBC"));

    @Test
    void onlyRepositoriesSpeakSql() throws IOException {
        assertThat(speakingSql()).allSatisfy(file -> assertThat(file.endsWith("Repository.java") || ALSO_REPOSITORIES.containsKey(file))
                .as("%s speaks SQL: move its queries into a repository", file).isTrue());
    }

    @Test
    void everyClassAllowedSqlUnderAnotherNameStillSpeaksIt() throws IOException {
        assertThat(speakingSql()).containsAll(ALSO_REPOSITORIES.keySet());
    }

    private static List<String> speakingSql() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(SqlPlacementTest::speaksSql)
                    .map(f -> SOURCES.relativize(f).toString().replace('\\', '/')).toList();
        }
    }

    private static boolean speaksSql(Path file) {
        try {
            return SPEAKS_SQL.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
