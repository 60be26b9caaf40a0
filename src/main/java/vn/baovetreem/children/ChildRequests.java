package vn.baovetreem.children;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the registry besides the child's own details. */
public final class ChildRequests {

    private ChildRequests() {
    }

    /** The lifecycle changes a record can go through. */
    public enum LifecycleAction { MOVE_AWAY, RECORD_DEATH, REACTIVATE }

    /** Schema {@code ChildTransition}. */
    public record ChildTransition(@NotNull LifecycleAction action, @NotNull LocalDate date,
                                  @Size(max = 20) String movedToUnitCode, @Size(max = 1000) String note) {
    }

    /** Schema {@code NewEpisode}: {@code code} is the group (or risk category), {@code subcode} the Decree 56 subgroup. */
    public record NewEpisode(@NotBlank @Size(max = 30) String code, @Size(max = 30) String subcode,
                             @NotNull LocalDate startDate, LocalDate endDate, @Size(max = 1000) String endReason,
                             @Size(max = 2000) String note) {
    }

    /** Schema {@code EpisodeEnd}. */
    public record EpisodeEnd(@NotNull LocalDate endDate, @NotBlank @Size(max = 1000) String reason) {
    }

    /** Schema {@code NewConsent}. */
    public record NewConsent(@NotNull ChildConsent.Giver giver, @NotBlank @Size(max = 200) String giverName,
                             String relationship, @NotNull LocalDate givenOn,
                             @NotEmpty @Size(max = 10) List<@NotBlank String> scopes, @Size(max = 2000) String note) {
    }

    /** Schema {@code ConsentWithdrawal}. */
    public record ConsentWithdrawal(@NotNull LocalDate withdrawnOn, @Size(max = 1000) String reason) {
    }

    /** Schema {@code ChildMerge}: the record that stays. */
    public record ChildMerge(@NotNull UUID survivorId, @Size(max = 1000) String note) {
    }
}
