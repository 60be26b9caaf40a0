package vn.baovetreem.interventions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The correctable fields of a support (schema {@code InterventionPatch} applies to these): what,
 * by whom, paid from where, how much, when, and its link to a case.
 */
public record InterventionDetails(
        UUID caseId,
        @NotBlank String type,
        @NotBlank String protectionLevel,
        @Size(max = 200) String provider,
        String fundingSource,
        @PositiveOrZero @Max(MAX_VND) Long amountVnd,
        @PositiveOrZero @Max(MAX_VND) Long monthlyAmountVnd,
        AllowanceGroup allowanceGroup,
        @NotNull LocalDate startDate,
        LocalDate endDate,
        @Size(max = 2000) String outcome,
        @Size(max = 1000) String planDeviationReason,
        @Size(max = 2000) String note) {

    /** One thousand billion đồng: far above any support, it keeps sums within range. */
    static final long MAX_VND = 1_000_000_000_000L;
}
