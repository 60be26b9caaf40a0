package vn.baovetreem.imports;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.children.ChildEpisode;
import vn.baovetreem.children.ChildImport;
import vn.baovetreem.children.ChildRequests.NewEpisode;
import vn.baovetreem.children.EpisodeImport;
import vn.baovetreem.children.EpisodeKind;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.persistence.WriteOutcome;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.imports.Columns.Column;
import vn.baovetreem.imports.Columns.Type;
import vn.baovetreem.security.Scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A circumstances file: one span per row, a special circumstance (Decree 56 group and subgroup)
 * or a risk of one, of a child already in the registry. Each row is checked as
 * {@code POST /children/{id}/circumstances} (or {@code /risks}) would, and against the other rows
 * of the file for the same child: spans of one code never overlap. In upsert mode a row updates
 * the child's span of the same kind and code that starts the same day (its end, end reason,
 * subgroup and note); otherwise it adds a span.
 */
@ApplicationScoped
class CircumstancesFile implements KindFile<CircumstancesFile.Row> {

    static final Columns COLUMNS = new Columns(Stream.concat(ChildReferences.COLUMNS.stream(), Stream.of(
            new Column("spanKind", "Loại", Type.TEXT,
                    "CIRCUMSTANCE (hoàn cảnh đặc biệt, the default) or RISK (nguy cơ)"),
            new Column("code", "Mã nhóm", Type.TEXT, List.of("special-circumstance-groups", "risk-categories"),
                    "required; a group, or for RISK a category of the risk-categories list"),
            new Column("subcode", "Mã nhóm nhỏ", Type.TEXT, "the Decree 56 subgroup; needed for CIRCUMSTANCE"),
            new Column("startDate", "Từ ngày", Type.DATE, "required; not before birth, not in the future"),
            new Column("endDate", "Đến ngày", Type.DATE, "date; empty while it lasts"),
            new Column("endReason", "Lý do kết thúc", Type.TEXT, "with endDate"),
            new Column("note", "Ghi chú", Type.TEXT, null))).toList());

    /** A row: the child it names and the span. */
    record Row(ChildReferences.Reference child, EpisodeKind kind, NewEpisode span) {
    }

    private final ChildImport registry;
    private final EpisodeImport episodes;

    CircumstancesFile(ChildImport registry, EpisodeImport episodes) {
        this.registry = registry;
        this.episodes = episodes;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CIRCUMSTANCES;
    }

    @Override
    public Columns columns() {
        return COLUMNS;
    }

    @Override
    public Row read(Map<String, String> row, List<Violation> problems) {
        return new Row(ChildReferences.Reference.read(row), spanKind(row.get("spanKind"), problems),
                new NewEpisode(row.get("code"), row.get("subcode"), Columns.date(row, "startDate", problems),
                        Columns.date(row, "endDate", problems), row.get("endReason"), row.get("note")));
    }

    private static EpisodeKind spanKind(String value, List<Violation> problems) {
        if (value == null) {
            return EpisodeKind.CIRCUMSTANCE;
        }
        return switch (Texts.fold(value).replace(" ", "")) {
            case "circumstance", "hoancanhdacbiet", "hcdb" -> EpisodeKind.CIRCUMSTANCE;
            case "risk", "nguyco" -> EpisodeKind.RISK;
            default -> {
                problems.add(new Violation("spanKind", "is CIRCUMSTANCE or RISK"));
                yield null;
            }
        };
    }

    @Override
    public Pass<Row> pass(ImportJobs.Job job, Scope scope) {
        return new CircumstancesPass(job, new ChildReferences(job.matchBy(), scope));
    }

    /**
     * A span of an earlier row of the file, kept to check the rows after it: its days as numbers
     * (an open end as the last one), since a file's spans are all kept until its last row.
     */
    private record FileSpan(int row, long start, long end) {
        FileSpan(int row, LocalDate start, LocalDate end) {
            this(row, start.toEpochDay(), end == null ? Long.MAX_VALUE : end.toEpochDay());
        }

        boolean overlaps(FileSpan other) {
            return end >= other.start && other.end >= start;
        }
    }

    /** The child, kind and code whose spans must not overlap. */
    private record SpanKey(UUID child, EpisodeKind kind, String code) {
    }

    /** A child and a kind of span, to count what the file adds. */
    private record ChildKind(UUID child, EpisodeKind kind) {
    }

    private final class CircumstancesPass implements Pass<Row> {
        private final ImportJobs.Job job;
        private final ChildReferences children;
        /** The spans of the rows so far, by child, kind and code: what the later rows must not overlap. */
        private final Map<SpanKey, List<FileSpan>> earlier = new HashMap<>();
        /** Spans the rows so far add to each child (not those they update), by child and kind. */
        private final Map<ChildKind, Integer> added = new HashMap<>();
        private Map<UUID, List<ChildEpisode>> spans = Map.of();

        CircumstancesPass(ImportJobs.Job job, ChildReferences children) {
            this.job = job;
            this.children = children;
        }

        @Override
        public void check(List<Parsed<Row>> batch) {
            lookUp(batch);
            for (Parsed<Row> p : batch) {
                ChildImport.Named child = children.resolve(p, p.value().child());
                if (child == null) {
                    p.report(episodes.problems(p.value().kind(), p.value().span(), null));
                    continue;
                }
                if (!p.problems().isEmpty()) {
                    p.report(assess(p.value(), child).problems());
                    p.report(episodes.problems(p.value().kind(), p.value().span(), child));
                    continue;
                }
                Row row = p.value();
                NewEpisode span = row.span();
                List<FileSpan> before = earlier.computeIfAbsent(new SpanKey(child.id(), row.kind(), span.code()), k -> new ArrayList<>(1));
                FileSpan fileSpan = span.code() == null || span.startDate() == null ? null
                        : new FileSpan(p.row().number(), span.startDate(), span.endDate());
                if (fileSpan != null) {
                    before.stream().filter(fileSpan::overlaps).findFirst()
                            .ifPresent(s -> p.report(List.of(new Violation("startDate", "overlaps the span of " + span.code()
                                    + " in row " + s.row() + " of the file"))));
                }
                // One problem a field: an overlap with an earlier row of the file is reported rather than one with the registry.
                Assessed assessed = assess(row, child);
                p.report(assessed.problems());
                if (p.problems().isEmpty()) {
                    before.add(fileSpan); // a row without a code or start has problems
                    if (assessed.match() == null) {
                        added.merge(new ChildKind(child.id(), row.kind()), 1, Integer::sum);
                    }
                }
            }
        }

        @Override
        public List<WriteOutcome> write(List<Parsed<Row>> good, AuditTrail.Buffer events) {
            lookUp(good);
            List<WriteOutcome> outcomes = new ArrayList<>(good.size());
            EpisodeImport.Writes writes = episodes.writes(events);
            for (Parsed<Row> p : good) {
                List<Violation> problems = new ArrayList<>();
                ChildImport.Named child = children.resolve(p.value().child(), problems);
                Assessed assessed = child == null ? null : assess(p.value(), child);
                if (assessed != null) {
                    problems.addAll(assessed.problems());
                }
                if (!problems.isEmpty()) {
                    throw new ImportPasses.RegistryChanged(p.row().number(), problems.getFirst());
                }
                outcomes.add(episodes.write(p.value().kind(), assessed.clean(), child, assessed.match(), spans.get(child.id()),
                        job.username(), writes));
            }
            writes.send();
            return outcomes;
        }

        private void lookUp(List<Parsed<Row>> batch) {
            spans = episodes.spans(children.lookUp(registry, batch.stream().map(p -> p.value().child()).toList()));
        }

        /** A row against the child's spans in the registry: the cleaned span and the one it updates, or its problems. */
        private Assessed assess(Row row, ChildImport.Named child) {
            List<ChildEpisode> existing = spans.get(child.id());
            ChildEpisode match = EpisodeImport.startingOn(existing, row.kind(), row.span().code(), row.span().startDate());
            if (match != null && job.mode() == ImportMode.CREATE) {
                return Assessed.problem(new Violation("startDate", "the child has this span recorded already (use upsert mode to update it)"));
            }
            long held = existing.stream().filter(e -> e.kind() == row.kind()).count();
            if (match == null && held + added.getOrDefault(new ChildKind(child.id(), row.kind()), 0) >= EpisodeImport.MAX_PER_KIND) {
                return Assessed.problem(new Violation("code", "the child would hold more than " + EpisodeImport.MAX_PER_KIND
                        + " spans of this kind"));
            }
            try {
                return new Assessed(episodes.check(row.kind(), row.span(), child, existing, match), match, List.of());
            } catch (ApiException.BadRequest e) {
                return new Assessed(null, null, e.violations());
            } catch (ApiException.Conflict e) {
                return Assessed.problem(new Violation("startDate", e.getMessage()));
            }
        }
    }

    private record Assessed(NewEpisode clean, ChildEpisode match, List<Violation> problems) {
        static Assessed problem(Violation problem) {
            return new Assessed(null, null, List.of(problem));
        }
    }
}
