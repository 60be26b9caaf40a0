package vn.baovetreem.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of plans and targets. */
public final class PlanRequests {

    private PlanRequests() {
    }

    /** Draft, then adopted (with its number and date), then closed at the end of the year. */
    public enum PlanStatus { DRAFT, ADOPTED, CLOSED }

    public enum MeasureKind { INDICATOR, MANUAL }

    public enum TargetUnit { PERCENT, COUNT, YES_NO, VND }

    public enum Comparison { AT_LEAST, AT_MOST, EQUAL }

    /** Schema {@code NewPlan}: a plan starts as a draft. */
    public record NewPlan(@NotBlank @Size(max = 20) String communeCode,
                          @NotNull @Min(2000) @Max(2100) Integer year,
                          @Size(max = 60) String documentNumber,
                          @NotBlank @Size(max = 500) String title,
                          LocalDate adoptedOn,
                          @Size(max = 2000) String note) {
    }

    /** What a merge patch of a plan applies to. */
    public record PlanDetails(@Size(max = 60) String documentNumber,
                              @NotBlank @Size(max = 500) String title,
                              LocalDate adoptedOn,
                              @NotNull PlanStatus status,
                              @Size(max = 2000) String note) {
    }

    /** One category of one disaggregation of the indicator, such as {@code SC_GROUP = HCDB_D}. */
    public record Filter(@NotBlank @Size(max = 30) String disaggregation, @NotBlank @Size(max = 40) String category) {
    }

    /** How a target is measured: an indicator of the catalogue (with an optional filter) or reported values. */
    public record Measure(@NotNull MeasureKind kind, @Size(max = 60) String indicatorKey, @Valid Filter filter) {
    }

    /** The largest target or reported value (10^15, an amount in VND included), as the contract says. */
    static final String MAX_VALUE = "1000000000000000";

    /** Schema {@code NewTarget}, and what a merge patch of a target applies to. */
    public record TargetDetails(@NotBlank @Size(max = 2000) String description,
                                @NotNull @Valid Measure measure,
                                @NotNull @DecimalMin("0") @DecimalMax(MAX_VALUE) @Digits(integer = 16, fraction = 2) BigDecimal targetValue,
                                @NotNull TargetUnit unit,
                                @NotNull Comparison comparison,
                                @Min(1) @Max(100) Integer position) {
    }

    /** Schema {@code NewTargetValue}: a value reported for a manual target. */
    public record ManualValue(@NotNull LocalDate reportedOn,
                              @NotNull @DecimalMin("0") @DecimalMax(MAX_VALUE) @Digits(integer = 16, fraction = 2) BigDecimal value,
                              @NotBlank @Size(max = 2000) String evidence,
                              @NotBlank @Size(max = 200) String reporter) {
    }
}
