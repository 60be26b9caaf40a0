package vn.baovetreem.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.children.ChildImport;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.common.persistence.TimeOrderedIds;
import vn.baovetreem.common.text.CsvLines;
import vn.baovetreem.common.text.Language;
import vn.baovetreem.common.text.Messages;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Role;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts imports and reports on them. The file is checked enough at upload to refuse what can
 * never work (a format that is not what it says, text that is not UTF-8, columns the kind does not
 * have, required columns missing) with a 400; everything about single rows goes to the job's error
 * report. Jobs are seen by the person who started them and by users whose area holds that
 * person's unit.
 */
@ApplicationScoped
public class ImportService {

    private static final String ERRORS = "import-errors";

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final KindFiles files;
    private final AccessPolicy access;
    private final PagingConfig paging;
    private final ObjectMapper mapper;
    private final Clock clock;

    ImportService(ImportJobs jobs, ImportRunner runner, KindFiles files, AccessPolicy access, PagingConfig paging, ObjectMapper mapper, Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.files = files;
        this.access = access;
        this.paging = paging;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What the caller asks for besides the file. */
    public record Request(ImportKind kind, ImportMode mode, ChildImport.MatchBy matchBy, boolean dryRun, boolean allowPartial,
                          String fileName) {
    }

    /** Schema {@code ImportJob}. */
    public record JobView(UUID id, ImportKind kind, ImportFormat format, ImportMode mode, ChildImport.MatchBy matchBy, boolean dryRun,
                          boolean allowPartial, ImportStatus status, String fileName, int fileSize, Progress progress, String message,
                          Boolean retryable, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt, Instant fileErasedAt) {
    }

    public record Progress(int rowsRead, int rowsValid, int rowsInvalid, int rowsWritten, int rowsUnchanged) {
    }

    @Transactional
    public JobView start(Request request, String contentType, Upload upload) {
        CurrentUser.Resolved user = access.check(Operation.RUN_IMPORTS);
        if (request.kind() == null) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "kind", "kind is required: children, circumstances or interventions.");
        }
        ImportFormat format = ImportFormat.of(contentType).orElseThrow(() -> ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER,
                "Content-Type", "Send the file as text/csv, application/jsonl or an .xlsx workbook."));
        if (upload.size() == 0) {
            throw new ApiException.BadRequest(ProblemCode.EMPTY_FILE, "The file is empty.");
        }
        ImportMode mode = request.mode() != null ? request.mode() : ImportMode.CREATE;
        ChildImport.MatchBy matchBy = request.matchBy() != null ? request.matchBy() : ChildImport.MatchBy.PERSONAL_ID;
        Language language = checkHeader(files.of(request.kind()), format, matchBy, upload);
        String roles = user.roles().stream().map(Role::name).collect(Collectors.joining(","));
        ImportJobs.Job job = new ImportJobs.Job(TimeOrderedIds.next(), request.kind(), format, mode, matchBy, request.dryRun(),
                request.allowPartial(), ImportStatus.QUEUED, request.fileName(), (int) upload.size(), 0, 0, 0, 0, 0, null, user.username(),
                user.subject(), user.clientId(), roles, user.unit() == null ? null : user.unit().code(),
                user.unit() == null ? null : user.unit().path(), 0, false, clock.instant(), null, null, null, language);
        jobs.insert(job, upload);
        runner.wakeAfterCommit();
        return view(job, language);
    }

    /**
     * An answer about a job in the language it speaks to its reader: the one their
     * {@code Accept-Language} asks for, or else that of the file's headers (Vietnamese headers, a
     * Vietnamese report).
     */
    public record Spoken<T>(T body, Language language) {
    }

    private static Language language(ImportJobs.Job job, String acceptLanguage) {
        return Language.preferred(acceptLanguage, job.language());
    }

    @Transactional
    public Spoken<JobView> get(UUID id, String acceptLanguage) {
        ImportJobs.Job job = visible(id);
        Language language = language(job, acceptLanguage);
        return new Spoken<>(view(job, language), language);
    }

    /** A page of the job's row problems, in file order. */
    @Transactional
    public Spoken<Page<ImportJobs.Error>> errors(UUID id, Integer pageSize, String pageToken, String acceptLanguage) {
        Language language = language(visible(id), acceptLanguage);
        String fingerprint = id.toString();
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, ERRORS, fingerprint), paging);
        int after;
        try {
            after = page.afterKey() == null ? 0 : Integer.parseInt(page.afterKey());
        } catch (NumberFormatException e) {
            throw PageToken.invalid();
        }
        Page<ImportJobs.Stored> stored = Page.fromOverfetch(jobs.errors(id, after, page.size() + 1), page.size(),
                last -> PageToken.encode(ERRORS, fingerprint, String.valueOf(last.seq())));
        return new Spoken<>(new Page<>(stored.items().stream().map(e -> in(e.error(), language)).toList(), stored.nextPageToken()),
                language);
    }

    /** Every stored problem as CSV (UTF-8 with a byte-order mark, for Excel). */
    @Transactional
    public Spoken<byte[]> errorsCsv(UUID id, String acceptLanguage) {
        Language language = language(visible(id), acceptLanguage);
        StringBuilder out = new StringBuilder(CsvLines.BOM);
        CsvLines.line(out, language == Language.VI ? List.of("Dòng", "Cột", "Giá trị", "Lỗi") : List.of("row", "column", "value", "message"));
        for (ImportJobs.Stored stored : jobs.errors(id, 0, ImportPasses.MAX_ERRORS)) {
            ImportJobs.Error e = in(stored.error(), language);
            CsvLines.line(out, Arrays.asList(String.valueOf(e.row()), e.column(), e.value(), e.message()));
        }
        return new Spoken<>(out.toString().getBytes(StandardCharsets.UTF_8), language);
    }

    /** A job the caller started, or whose starter's unit lies in the caller's area. */
    private ImportJobs.Job visible(UUID id) {
        CurrentUser.Resolved user = access.check(Operation.RUN_IMPORTS);
        return jobs.find(id).filter(j -> j.username().equals(user.username()) || user.scope().contains(j.unitPath()))
                .orElseThrow(() -> new ApiException.NotFound("Import", id.toString()));
    }

    /**
     * Refuses at upload what no row could fix: text that is not UTF-8, a JSON Lines file whose
     * first line is not an object, columns the kind's file does not have, required ones missing.
     * Gives the language of the file's headers: Vietnamese when any header is not an API field.
     */
    private Language checkHeader(KindFile<?> file, ImportFormat format, ChildImport.MatchBy matchBy, Upload upload) {
        if (format != ImportFormat.XLSX) {
            requireUtf8(upload);
        }
        List<String> headers;
        try (RowReader rows = RowReader.of(format, upload.open(), file.columns(), mapper)) {
            headers = rows.headers();
        } catch (RowReader.Malformed e) {
            throw format == ImportFormat.XLSX ? new ApiException.BadRequest(ProblemCode.NOT_A_WORKBOOK, e.getMessage())
                    : new ApiException.BadRequest(ProblemCode.NOT_JSON_LINES, e.getMessage() + " A JSON Lines file has one JSON object per line.");
        } catch (IOException e) {
            throw new ApiException.BadRequest(ProblemCode.UNREADABLE_FILE, "The file cannot be read: " + e.getMessage());
        }
        String kind = file.kind().name().toLowerCase(Locale.ROOT);
        Violations problems = new Violations();
        Set<String> present = new HashSet<>();
        for (String header : headers) {
            file.columns().of(header).ifPresentOrElse(c -> {
                if (!present.add(c.name())) {
                    problems.add(header, "names a column that appears twice");
                }
            }, () -> problems.add(String.valueOf(header), "is not a column of a file of " + kind + " (see the template)"));
        }
        Stream.concat(file.columns().all().stream().filter(Columns.Column::required), file.keyColumn(matchBy).stream())
                .map(Columns.Column::name).filter(r -> !present.contains(r))
                .forEach(r -> problems.add(r, "is a required column and is missing"));
        if (!problems.isEmpty()) {
            throw new ApiException.BadRequest(ProblemCode.UNKNOWN_OR_MISSING_COLUMNS,
                    "The file's columns are not those of a file of " + kind + "; see GET /imports/templates/" + kind + ".", problems);
        }
        return headers.stream().allMatch(file.columns()::english) ? Language.EN : Language.VI;
    }

    /** Decodes the whole file as UTF-8, a buffer at a time, refusing it at the first byte that is not. */
    private static void requireUtf8(Upload upload) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader text = new InputStreamReader(upload.open(), decoder)) {
            char[] buffer = new char[64 * 1024];
            while (text.read(buffer) != -1) {
                // Decoding is the check.
            }
        } catch (CharacterCodingException e) {
            throw new ApiException.BadRequest(ProblemCode.NOT_UTF8, "The file is not UTF-8 text; save it as UTF-8 (with or without BOM).");
        } catch (IOException e) {
            throw new ApiException.BadRequest(ProblemCode.UNREADABLE_FILE, "The file cannot be read: " + e.getMessage());
        }
    }

    private static ImportJobs.Error in(ImportJobs.Error e, Language language) {
        return new ImportJobs.Error(e.row(), e.column(), e.value(), Messages.translate(e.message(), language));
    }

    private JobView view(ImportJobs.Job j, Language language) {
        return new JobView(j.id(), j.kind(), j.format(), j.mode(), j.matchBy(), j.dryRun(), j.allowPartial(),
                j.status(), j.fileName(), j.fileSize(), new Progress(j.rowsRead(), j.rowsValid(), j.rowsInvalid(), j.rowsWritten(),
                j.rowsUnchanged()), Messages.translate(j.message(), language), j.status() == ImportStatus.FAILED ? j.retryable() : null, j.username(), j.createdAt(), j.startedAt(), j.finishedAt(),
                j.fileErasedAt());
    }
}
