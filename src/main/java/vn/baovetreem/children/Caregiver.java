package vn.baovetreem.children;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A person who looks after the child; {@code relationship} is from the caregiver-relationships
 * list and {@code phone} is stored normalized ({@code 0} and 9 or 10 digits). Stored as JSON in
 * the child's row by mappers other than the API's, so it says itself that it leaves out empty fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Caregiver(@NotBlank @Size(max = 200) String name, @NotBlank String relationship,
                        @Size(max = 30) String phone) {
}
