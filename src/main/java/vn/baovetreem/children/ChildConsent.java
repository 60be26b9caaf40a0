package vn.baovetreem.children;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.baovetreem.common.persistence.TimeOrderedIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Consent given for the child's data, per purpose: by the child (aged 7 or over) or by a parent or
 * guardian (Decree 13/2023 Art. 20; Law 91/2025 Art. 24). Withdrawal keeps the record.
 */
@Entity
@Table(name = "child_consent")
public class ChildConsent {

    /** Who gave the consent. */
    public enum Giver { CHILD, PARENT_OR_GUARDIAN }

    @Id
    private UUID id;

    @Column(name = "child_id", nullable = false)
    private UUID childId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Giver giver;

    @Column(name = "giver_name", nullable = false)
    private String giverName;

    private String relationship;

    @Column(name = "given_on", nullable = false)
    private LocalDate givenOn;

    @Column(nullable = false)
    private String[] scopes;

    private String note;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "withdrawn_on")
    private LocalDate withdrawnOn;

    @Column(name = "withdrawal_reason")
    private String withdrawalReason;

    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    @Version
    private long version;

    protected ChildConsent() {
    }

    static ChildConsent record(UUID childId, Giver giver, String giverName, String relationship, LocalDate givenOn,
                               List<String> scopes, String note, String recordedBy, Instant now) {
        ChildConsent consent = new ChildConsent();
        consent.id = TimeOrderedIds.next();
        consent.childId = childId;
        consent.giver = giver;
        consent.giverName = giverName;
        consent.relationship = relationship;
        consent.givenOn = givenOn;
        consent.scopes = scopes.toArray(String[]::new);
        consent.note = note;
        consent.recordedBy = recordedBy;
        consent.recordedAt = now;
        return consent;
    }

    void withdraw(LocalDate on, String reason, String by) {
        this.withdrawnOn = on;
        this.withdrawalReason = reason;
        this.withdrawnBy = by;
    }

    void moveTo(UUID survivorId) {
        this.childId = survivorId;
    }

    public UUID id() { return id; }
    public UUID childId() { return childId; }
    public Giver giver() { return giver; }
    public String giverName() { return giverName; }
    public String relationship() { return relationship; }
    public LocalDate givenOn() { return givenOn; }
    public List<String> scopes() { return List.of(scopes); }
    public String note() { return note; }
    public String recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
    public LocalDate withdrawnOn() { return withdrawnOn; }
    public String withdrawalReason() { return withdrawalReason; }
    public String withdrawnBy() { return withdrawnBy; }
    public long version() { return version; }
}
