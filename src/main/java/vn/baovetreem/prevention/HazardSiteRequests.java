package vn.baovetreem.prevention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the hazard-site register. */
public final class HazardSiteRequests {

    private HazardSiteRequests() {
    }

    /** The state a mitigation measure can be in. */
    public enum MeasureStatus { NEEDED, INSTALLED, DAMAGED }

    /** A measure's state from {@code date} (default: the survey or inspection day). */
    public record MeasureState(@NotBlank String measure, @NotNull MeasureStatus status, LocalDate date) {
    }

    /** The descriptive fields of a site (what a merge patch applies to). */
    public record SiteDetails(@NotBlank String villageCode, @NotBlank String kind,
                              @NotBlank @Size(max = 1000) String description,
                              @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
                              @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
                              @NotBlank String riskLevel, LocalDate surveyedOn, @Size(max = 2000) String note) {
    }

    /** Schema {@code NewHazardSite}: the details and the measures found at the survey. */
    public record NewHazardSite(@NotBlank String villageCode, @NotBlank String kind,
                                @NotBlank @Size(max = 1000) String description,
                                @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
                                @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
                                @NotBlank String riskLevel, LocalDate surveyedOn, @Size(max = 2000) String note,
                                @Size(max = 10) List<@Valid @NotNull MeasureState> measures) {

        SiteDetails details() {
            return new SiteDetails(villageCode, kind, description, latitude, longitude, riskLevel, surveyedOn, note);
        }
    }

    /** Schema {@code NewHazardInspection}: who looked, when, what they found and the state of each measure checked. */
    public record NewInspection(@NotNull LocalDate inspectedOn, @NotBlank @Size(max = 200) String inspector,
                                @Size(max = 2000) String findings,
                                @Size(max = 10) List<@Valid @NotNull MeasureState> measuresChecked) {
    }
}
