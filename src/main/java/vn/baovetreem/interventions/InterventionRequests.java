package vn.baovetreem.interventions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.baovetreem.common.http.FlatBody;

/**
 * Request bodies. A create is a {@link Placement} and the {@link InterventionDetails} side by side
 * in one flat JSON object; a batch is a {@link BatchHeader} and the details. Fields of neither
 * part answer 400 {@code UNKNOWN_FIELD}.
 */
public final class InterventionRequests {

    /** Children one group activity may cover. */
    static final int MAX_BATCH = 500;

    private InterventionRequests() {
    }

    /** Schema {@code NewIntervention}, read in its two parts. */
    public record NewIntervention(Placement placement, InterventionDetails details) {

        static NewIntervention read(ObjectMapper mapper, ObjectNode body) throws JsonProcessingException {
            FlatBody flat = FlatBody.of(mapper, body);
            return new NewIntervention(flat.take(Placement.class), flat.rest(InterventionDetails.class));
        }
    }

    /** Schema {@code NewInterventionBatch}, read in its two parts. */
    public record NewBatch(BatchHeader header, InterventionDetails details) {

        static NewBatch read(ObjectMapper mapper, ObjectNode body) throws JsonProcessingException {
            FlatBody flat = FlatBody.of(mapper, body);
            return new NewBatch(flat.take(BatchHeader.class), flat.rest(InterventionDetails.class));
        }
    }

    /** Whose support it is and where it stands when recorded (default {@code PLANNED}). */
    public record Placement(@NotNull UUID childId, InterventionStatus status) {
    }

    /** A group activity: its title and the children (each once). */
    public record BatchHeader(@NotBlank @Size(max = 200) String title,
                              @NotEmpty @Size(max = MAX_BATCH) List<@NotNull UUID> childIds,
                              InterventionStatus status) {
    }

    public enum Action { START, COMPLETE, CANCEL }

    /** Schema {@code InterventionTransition}. */
    public record Transition(@NotNull Action action, LocalDate date, @Size(max = 2000) String outcome,
                             @Size(max = 1000) String reason) {
    }

    /** Schema {@code NewSocialAssistanceRate}. */
    public record NewRate(@NotNull LocalDate validFrom, @NotNull @Positive @Max(100_000_000) Long monthlyVnd,
                          @NotBlank @Size(max = 500) String legalRef, Boolean confirmed) {
    }
}
