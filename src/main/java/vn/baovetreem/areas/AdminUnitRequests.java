package vn.baovetreem.areas;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies of the administrative-unit operations (schemas {@code NewAdminUnit}, {@code AdminUnitRetirement}). */
public final class AdminUnitRequests {

    static final String CODE_PATTERN = "^[A-Za-z0-9_]{2,20}$";

    private AdminUnitRequests() {
    }

    public record NewAdminUnit(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = "must be 2 to 20 letters, digits or underscores") String code,
            @NotNull UnitLevel level,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 50) String kind,
            @Pattern(regexp = CODE_PATTERN, message = "must be a unit code") String parentCode,
            LocalDate validFrom,
            Boolean demo,
            @Size(max = 2000) String note) {
    }

    public record AdminUnitRetirement(
            @NotNull LocalDate validTo,
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = "must be a unit code") String successorCode) {
    }
}
