package vn.baovetreem.children;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import vn.baovetreem.common.persistence.Recorded;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A span during which a child was in a special-circumstance group, or at risk. Indicators for a
 * period use the spans that overlap it. Spans of one code never overlap (a database constraint
 * backs the check in {@link EpisodeService}).
 */
@Entity
@Table(name = "child_episode")
public class ChildEpisode extends Recorded {

    @Column(name = "child_id", nullable = false)
    private UUID childId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EpisodeKind kind;

    @Column(nullable = false)
    private String code;

    private String subcode;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "end_reason")
    private String endReason;

    private String note;

    protected ChildEpisode() {
    }

    private ChildEpisode(UUID childId, EpisodeKind kind, String createdBy, Instant now) {
        super(createdBy, now);
        this.childId = childId;
        this.kind = kind;
    }

    /** A span as stored, read from its row without Hibernate. */
    private ChildEpisode(ResultSet row) throws SQLException {
        super(row);
        this.childId = row.getObject("child_id", UUID.class);
        this.kind = EpisodeKind.valueOf(row.getString("kind"));
        this.code = row.getString("code");
        this.subcode = row.getString("subcode");
        this.startDate = row.getObject("start_date", LocalDate.class);
        this.endDate = row.getObject("end_date", LocalDate.class);
        this.endReason = row.getString("end_reason");
        this.note = row.getString("note");
    }

    static ChildEpisode stored(ResultSet row) throws SQLException {
        return new ChildEpisode(row);
    }

    static ChildEpisode open(UUID childId, EpisodeKind kind, String createdBy, Instant now) {
        return new ChildEpisode(childId, kind, createdBy, now);
    }

    void describe(String code, String subcode, LocalDate startDate, LocalDate endDate, String endReason, String note,
                  Instant now) {
        this.code = code;
        this.subcode = subcode;
        this.startDate = startDate;
        this.endDate = endDate;
        this.endReason = endReason;
        this.note = note;
        touch(now);
    }

    /** Moves the span to another child's record (a merge). */
    void moveTo(UUID survivorId, Instant now) {
        this.childId = survivorId;
        touch(now);
    }

    public UUID childId() { return childId; }
    public EpisodeKind kind() { return kind; }
    public String code() { return code; }
    public String subcode() { return subcode; }
    public LocalDate startDate() { return startDate; }
    public LocalDate endDate() { return endDate; }
    public String endReason() { return endReason; }
    public String note() { return note; }

    /** Whether this span and {@code [start, end]} (open end when null) share a day. */
    boolean overlaps(LocalDate start, LocalDate end) {
        return (endDate == null || !endDate.isBefore(start)) && (end == null || !end.isBefore(startDate));
    }
}
