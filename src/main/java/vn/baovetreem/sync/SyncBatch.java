package vn.baovetreem.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.baovetreem.common.http.Idempotency;

import java.util.List;

/** Schema {@code SyncBatch}: the operations a copy recorded offline, in the order they were made. */
public record SyncBatch(@NotNull @Size(min = 1, max = SyncBatch.MAX_OPERATIONS) List<@Valid @NotNull Op> operations) {

    public static final int MAX_OPERATIONS = 100;

    /** The methods an offline change is made with. */
    public enum Method { POST, PUT, PATCH }

    /**
     * Schema {@code SyncOperation}: one request as the client would send it on its own.
     * {@code path} is relative to {@code /api/v1}; it and string values of {@code body} may name the
     * record an earlier operation created as {@code ${ref}}.
     */
    public record Op(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String ref, @NotNull Method method,
                     @NotBlank @Size(max = 300) String path, @Size(max = 200) @Pattern(regexp = "[\\x20-\\x7E]*") String ifMatch,
                     @Pattern(regexp = Idempotency.KEY_PATTERN) String idempotencyKey, JsonNode body) {
    }

    /**
     * Schema {@code SyncOutcome}: what the operation answered, as it would have on its own; with a
     * 412, {@code current} is the record now, so that both versions can be shown.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String ref, int status, String etag, String location, JsonNode body, Current current) {
    }

    /** Schema {@code SyncCurrent}. */
    public record Current(String etag, JsonNode record) {
    }

    /** Schema {@code SyncOutcomes}. */
    public record Outcomes(List<Outcome> outcomes) {
    }
}
