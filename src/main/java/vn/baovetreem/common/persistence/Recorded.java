package vn.baovetreem.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What every mutable record keeps: a server-generated id, the version its ETag is made from, and
 * who created it when and when it last changed.
 */
@MappedSuperclass
public abstract class Recorded {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Recorded() {
    }

    protected Recorded(String createdBy, Instant now) {
        this.id = TimeOrderedIds.next();
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A record as stored, read from its row without Hibernate ({@link JdbcRows}), by column name. */
    protected Recorded(ResultSet row) throws SQLException {
        this.id = row.getObject("id", UUID.class);
        this.version = row.getLong("version");
        this.createdAt = row.getObject("created_at", OffsetDateTime.class).toInstant();
        this.createdBy = row.getString("created_by");
        this.updatedAt = row.getObject("updated_at", OffsetDateTime.class).toInstant();
    }

    /** Marks a change made at {@code now}. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public UUID id() { return id; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
}
