package vn.baovetreem.common.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidatorFactory;

import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Validates a request body inside the use case, after the access check, so a caller without the
 * role learns nothing from validation messages: authorization first, then the content.
 */
@ApplicationScoped
public class RequestValidator {

    private final Validator validator;

    RequestValidator(ValidatorFactory validators) {
        // Requests and rows are plain records, never entities: asking the persistence provider
        // whether each property is loaded (the default with JPA present), and caching the answers,
        // only costs time: a fifth of an import's check pass.
        this.validator = validators.unwrap(HibernateValidatorFactory.class).usingContext().traversableResolver(new Reachable())
                .enableTraversableResolverResultCache(false).getValidator();
    }

    /** Every property of a request is there to be validated. */
    private static final class Reachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
            return true;
        }
    }

    /** Throws a {@link ConstraintViolationException} (400 VALIDATION_FAILED) when {@code body} is invalid. */
    public void validate(Object body) {
        if (body == null) {
            throw new ApiException.BadRequest(ProblemCode.VALIDATION_FAILED, "The request needs a body.");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /**
     * Throws a 400 {@link ApiException.BadRequest} with every violation of {@code row}, a row of an
     * import: the file kinds turn it into the row's problems, as they do with the rules' findings.
     */
    public void validateRow(Object row) {
        List<Violation> violations = Violation.of(validator.validate(row));
        if (!violations.isEmpty()) {
            throw new ApiException.BadRequest(ProblemCode.VALIDATION_FAILED, "The row has invalid values.", violations);
        }
    }

    /**
     * Every problem of {@code row}, a row of an import: its violations, then the rules'
     * {@code findings}, so that a field the row lacks or cannot read does not hide what the rules
     * find in the others (the import keeps the first problem of each field).
     */
    public List<Violation> rowProblems(Object row, Collection<Violation> findings) {
        List<Violation> problems = new ArrayList<>(Violation.of(validator.validate(row)));
        problems.addAll(findings);
        return problems;
    }
}
