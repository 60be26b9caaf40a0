package vn.baovetreem.prevention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the household register and its safe-home assessments. */
public final class HouseholdRequests {

    private HouseholdRequests() {
    }

    /**
     * Schema {@code NewHousehold}, and what a merge patch applies to: the village, the head of the
     * household, the address and the children living there.
     */
    public record HouseholdDetails(@NotBlank @Size(max = 20) String villageCode,
                                   @NotBlank @Size(max = 200) String headName,
                                   @Size(max = 500) String address,
                                   @Size(max = 2000) String note,
                                   @NotNull @Size(max = 20) List<@NotNull UUID> childIds) {
    }

    /** Schema {@code SafeHomeAssessmentInput}: who assessed the home on which day and which criteria were met. */
    public record Assessment(@NotNull LocalDate assessedOn,
                             @NotBlank @Size(max = 200) String assessor,
                             @NotNull @Size(max = 100) List<@NotBlank String> criteriaMet,
                             @Size(max = 2000) String note) {
    }
}
