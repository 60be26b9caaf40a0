package vn.baovetreem.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the case endpoints. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /**
     * Who reported; seen only by commune users of the case's commune. Stored as JSON in the case's
     * row by Hibernate's own mapper, not the API's, so it says itself that it leaves out empty fields.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reporter(@Size(max = 200) String name, @Size(max = 100) String relationship, @Size(max = 30) String phone,
                           @Size(max = 300) String address, Boolean anonymous) {
    }

    /**
     * The descriptive fields of a report (schema {@code CaseReport}): what a merge patch may change.
     * Which fields apply depends on the case type.
     */
    public record CaseReport(@NotBlank @Size(max = 30) String sourceChannel,
                             @NotNull Instant receivedAt,
                             Instant occurredAt,
                             @Size(max = 20) String occurredUnitCode,
                             @Size(max = 4000) String summary,
                             @Size(max = 7) List<@NotBlank String> abuseForms,
                             @Size(max = 30) String sexualAbuseSubtype,
                             @Size(max = 30) String setting,
                             @Size(max = 40) String perpetratorRelationship,
                             @Size(max = 30) String injuryMechanism,
                             @Size(max = 30) String injuryOutcome,
                             @Size(max = 30) String injuryPlace,
                             @Size(max = 40) String riskCategory,
                             @Size(max = 30) String handlingOutcome,
                             Boolean childInDanger,
                             @Valid Reporter reporter) {
    }

    /** Schema {@code NewCase}: the child and type, beside the report's fields. */
    public record Subject(@NotNull UUID childId, @NotNull CaseType type) {
    }

    /** Temporary separation (Decree 56 Art. 32, Form 07). */
    public record Separation(LocalDate startsOn, @NotNull LocalDate endsOn, @Size(max = 300) String place,
                             @Size(max = 60) String decisionNumber) {
    }

    /** Schema {@code NewCaseNote}. */
    public record NewNote(@NotBlank @Size(max = 4000) String text) {
    }

    /** One measure of a plan (Decree 56 Art. 28(3)). */
    public record PlanItem(@NotBlank @Size(max = 40) String measure,
                           @Size(max = 500) String description,
                           @NotBlank @Size(max = 200) String responsiblePerson,
                           @Size(max = 200) String provider,
                           @NotNull LocalDate startOn,
                           @NotNull LocalDate endOn,
                           @NotNull @PositiveOrZero @Max(10_000_000_000L) Long estimatedCostVnd) {
    }

    /** Schema {@code CasePlanDraft}: a new version of the plan. */
    public record PlanDraft(@NotEmpty @Size(max = 50) List<@Valid @NotNull PlanItem> items, @Size(max = 4000) String note) {
    }
}
