package vn.baovetreem.children;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * The descriptive fields of a child record (schema {@code NewChild}): the body of a create, and
 * what a merge patch is applied to. Shape is checked here; meaning (codes, identifiers, ages, the
 * village) by {@link ChildRules}.
 */
public record ChildDetails(
        @Size(max = 12, message = "must be 12 digits") String personalId,
        @NotBlank @Size(max = 200) String fullName,
        @NotNull LocalDate dateOfBirth,
        Boolean birthDateEstimated,
        @NotBlank String sex,
        String ethnicity,
        @NotBlank String villageCode,
        @Size(max = 500) String address,
        String povertyStatus,
        LocalDate birthRegisteredOn,
        @Size(max = 20) String healthInsuranceCard,
        String schoolStatus,
        String disabilityLevel,
        String parentsStatus,
        @Size(max = 10) List<@Valid @NotNull Caregiver> caregivers,
        @Size(max = 1000) String continuingSupportReason,
        @Size(max = 100) String externalRef,
        @Size(max = 2000) String note) {
}
