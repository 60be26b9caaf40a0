package vn.baovetreem.children;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import vn.baovetreem.common.persistence.Placed;
import vn.baovetreem.common.persistence.Recorded;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.baovetreem.common.text.Texts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A child known to the commune. Fields are set through {@link ChildService}, which validates
 * them; the entity keeps the derived search keys in step with the name and caregivers.
 */
@Entity
@Table(name = "child")
public class Child extends Recorded implements Placed, ChildFacts {

    private static final Pattern TRAILING_NOTE = Pattern.compile(" \\(.*\\)$");

    @Column(name = "personal_id")
    private String personalId;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "search_name", nullable = false)
    private String searchName;

    @Column(name = "sort_name", nullable = false)
    private String sortName;

    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    @Column(name = "birth_date_estimated", nullable = false)
    private boolean birthDateEstimated;

    @Column(nullable = false)
    private String sex;

    private String ethnicity;

    @Column(name = "village_code", nullable = false)
    private String villageCode;

    @Column(name = "unit_path", nullable = false, columnDefinition = "ltree")
    @ColumnTransformer(read = "cast(unit_path as text)", write = "cast(? as ltree)")
    private String unitPath;

    private String address;

    @Column(name = "poverty_status")
    private String povertyStatus;

    @Column(name = "birth_registered_on")
    private LocalDate birthRegisteredOn;

    @Column(name = "health_insurance_card")
    private String healthInsuranceCard;

    @Column(name = "school_status")
    private String schoolStatus;

    @Column(name = "disability_level")
    private String disabilityLevel;

    @Column(name = "parents_status")
    private String parentsStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private List<Caregiver> caregivers = new ArrayList<>();

    @Column(name = "caregiver_phones", nullable = false)
    private String[] caregiverPhones = new String[0];

    @Column(name = "continuing_support_reason")
    private String continuingSupportReason;

    @Column(name = "external_ref")
    private String externalRef;

    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChildStatus status = ChildStatus.ACTIVE;

    @Column(name = "status_date")
    private LocalDate statusDate;

    @Column(name = "status_note")
    private String statusNote;

    @Column(name = "moved_to_unit_code")
    private String movedToUnitCode;

    @Column(name = "merged_into_id")
    private UUID mergedIntoId;

    /** Set by the retention rule only ({@link Retention}), in SQL; the record is then never changed again. */
    @Column(name = "anonymised_at", insertable = false, updatable = false)
    private Instant anonymisedAt;

    protected Child() {
    }

    private Child(String createdBy, Instant now) {
        super(createdBy, now);
    }

    static Child register(String createdBy, Instant now) {
        return new Child(createdBy, now);
    }

    /**
     * Vietnamese lists are ordered by the given name, the last word ("An" in "Nguyễn Văn An"; a
     * trailing note in brackets such as "(demo)" is not a name), then by the whole name.
     */
    static String sortKey(String folded) {
        String name = TRAILING_NOTE.matcher(folded).replaceAll("");
        int lastSpace = name.lastIndexOf(' ');
        return (lastSpace < 0 ? name : name.substring(lastSpace + 1)) + " | " + folded;
    }

    /** Applies checked details: every descriptive field, the village and the derived keys. */
    void describe(ChildDetails details, String unitPath) {
        this.personalId = details.personalId();
        this.fullName = Texts.clean(details.fullName());
        this.searchName = Texts.fold(this.fullName);
        this.sortName = sortKey(this.searchName);
        this.dateOfBirth = details.dateOfBirth();
        this.birthDateEstimated = Boolean.TRUE.equals(details.birthDateEstimated());
        this.sex = details.sex();
        this.ethnicity = details.ethnicity();
        this.villageCode = details.villageCode();
        this.unitPath = unitPath;
        this.address = details.address();
        this.povertyStatus = details.povertyStatus();
        this.birthRegisteredOn = details.birthRegisteredOn();
        this.healthInsuranceCard = details.healthInsuranceCard();
        this.schoolStatus = details.schoolStatus();
        this.disabilityLevel = details.disabilityLevel();
        this.parentsStatus = details.parentsStatus();
        caregivers(details.caregivers() == null ? List.of() : details.caregivers());
        this.continuingSupportReason = details.continuingSupportReason();
        this.externalRef = details.externalRef();
        this.note = details.note();
    }

    /** The descriptive fields as they stand, the base a merge patch applies to. */
    ChildDetails details() {
        return new ChildDetails(personalId, fullName, dateOfBirth, birthDateEstimated, sex, ethnicity, villageCode, address,
                povertyStatus, birthRegisteredOn, healthInsuranceCard, schoolStatus, disabilityLevel, parentsStatus,
                List.copyOf(caregivers), continuingSupportReason, externalRef, note);
    }

    void lifecycle(ChildStatus status, LocalDate statusDate, String movedToUnitCode, String statusNote) {
        this.status = status;
        this.statusDate = statusDate;
        this.movedToUnitCode = movedToUnitCode;
        this.statusNote = statusNote;
    }

    /** Marks this record as a duplicate of {@code survivor}; its identifiers move to the survivor. */
    void mergeInto(Child survivor, LocalDate on) {
        this.status = ChildStatus.MERGED;
        this.statusDate = on;
        this.mergedIntoId = survivor.id();
        this.movedToUnitCode = null;
        this.statusNote = null;
        this.personalId = null;
        this.externalRef = null;
    }

    /**
     * Takes, from a duplicate's details, each field this record leaves empty.
     *
     * @return the names of the fields taken
     */
    List<String> absorb(ChildDetails other) {
        List<String> taken = new ArrayList<>();
        fill(taken, "personalId", personalId, other.personalId(), v -> personalId = v);
        fill(taken, "ethnicity", ethnicity, other.ethnicity(), v -> ethnicity = v);
        fill(taken, "address", address, other.address(), v -> address = v);
        fill(taken, "povertyStatus", povertyStatus, other.povertyStatus(), v -> povertyStatus = v);
        fill(taken, "birthRegisteredOn", birthRegisteredOn, other.birthRegisteredOn(), v -> birthRegisteredOn = v);
        fill(taken, "healthInsuranceCard", healthInsuranceCard, other.healthInsuranceCard(), v -> healthInsuranceCard = v);
        fill(taken, "schoolStatus", schoolStatus, other.schoolStatus(), v -> schoolStatus = v);
        fill(taken, "disabilityLevel", disabilityLevel, other.disabilityLevel(), v -> disabilityLevel = v);
        fill(taken, "parentsStatus", parentsStatus, other.parentsStatus(), v -> parentsStatus = v);
        fill(taken, "continuingSupportReason", continuingSupportReason, other.continuingSupportReason(), v -> continuingSupportReason = v);
        fill(taken, "externalRef", externalRef, other.externalRef(), v -> externalRef = v);
        fill(taken, "note", note, other.note(), v -> note = v);
        if (caregivers.isEmpty() && !other.caregivers().isEmpty()) {
            caregivers(other.caregivers());
            taken.add("caregivers");
        }
        return taken;
    }

    private void caregivers(List<Caregiver> carers) {
        this.caregivers = new ArrayList<>(carers);
        this.caregiverPhones = carers.stream().map(Caregiver::phone).filter(Objects::nonNull).distinct().toArray(String[]::new);
    }

    private static <T> void fill(List<String> taken, String field, T mine, T theirs, Consumer<T> set) {
        if (mine == null && theirs != null) {
            set.accept(theirs);
            taken.add(field);
        }
    }

    public String personalId() { return personalId; }
    public String fullName() { return fullName; }
    public String searchName() { return searchName; }
    public String sortName() { return sortName; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public boolean birthDateEstimated() { return birthDateEstimated; }
    public String sex() { return sex; }
    public String ethnicity() { return ethnicity; }
    public String villageCode() { return villageCode; }
    @Override
    public String unitPath() { return unitPath; }
    public String address() { return address; }
    public String povertyStatus() { return povertyStatus; }
    public LocalDate birthRegisteredOn() { return birthRegisteredOn; }
    public String healthInsuranceCard() { return healthInsuranceCard; }
    public String schoolStatus() { return schoolStatus; }
    public String disabilityLevel() { return disabilityLevel; }
    public String parentsStatus() { return parentsStatus; }
    public List<Caregiver> caregivers() { return List.copyOf(caregivers); }
    public List<String> caregiverPhones() { return List.of(caregiverPhones); }
    public String continuingSupportReason() { return continuingSupportReason; }
    public String externalRef() { return externalRef; }
    public String note() { return note; }
    public ChildStatus status() { return status; }
    public LocalDate statusDate() { return statusDate; }
    public String statusNote() { return statusNote; }
    public String movedToUnitCode() { return movedToUnitCode; }
    public UUID mergedIntoId() { return mergedIntoId; }
    public Instant anonymisedAt() { return anonymisedAt; }

    /** Age in whole years on {@code date}. */
    public int ageOn(LocalDate date) {
        return age(dateOfBirth, date);
    }

    /** Age in whole years on {@code date} of someone born on {@code born}. */
    static int age(LocalDate born, LocalDate date) {
        return Period.between(born, date).getYears();
    }
}
