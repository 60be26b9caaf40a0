package vn.baovetreem.common.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** One field-level problem: the JSON path of the field (or query parameter) and a readable message. */
public record Violation(String field, String message) {

    /** Bean Validation's findings as violations, each at its field's path, in a stable order. */
    public static List<Violation> of(Collection<? extends ConstraintViolation<?>> found) {
        return found.stream().map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
    }

    /**
     * The field's path within the body, such as {@code caregivers[0].phone}. Bean Validation puts
     * an element's index on the node after the list ({@code name} at index 0 of {@code caregivers}).
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null && !nodes.isEmpty()) {
                nodes.set(nodes.size() - 1, nodes.getLast() + "[" + node.getIndex() + "]");
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                nodes.add(name);
            }
        }
        return String.join(".", nodes);
    }
}
